/** The demo region: a small, realistic county that a newcomer can sign in to at once. */
package org.beacon.server.demo;
