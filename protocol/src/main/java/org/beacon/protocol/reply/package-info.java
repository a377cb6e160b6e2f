/** The result records whose fields an {@code ok} reply carries, one per request that returns data. */
package org.beacon.protocol.reply;
