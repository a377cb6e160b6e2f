/** JSON mapping of the protocol (Jackson): snake_case, ISO-8601 instants, {@code type} discriminator. */
package org.beacon.protocol.json;
