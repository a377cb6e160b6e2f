/** Netty handlers for the frame format: length-prefixed UTF-8 JSON. Used by server and client. */
package org.beacon.protocol.codec;
