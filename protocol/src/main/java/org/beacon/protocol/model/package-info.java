/** Data carried inside frames: sessions, users, organizations, resources. */
package org.beacon.protocol.model;
