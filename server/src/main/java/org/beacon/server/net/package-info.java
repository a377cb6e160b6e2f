/**
 * The network edge: each connection's pipeline ({@link org.beacon.server.net.BeaconChannelInitializer}),
 * its state machine and error mapping (the package-private {@code ConnectionHandler} and
 * {@code Failures}), and the seam to session delivery ({@link org.beacon.server.net.ImRequests}).
 * Nothing here blocks an event loop: slow work completes on other threads and comes back.
 */
package org.beacon.server.net;
