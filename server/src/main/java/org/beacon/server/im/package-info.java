/**
 * IM sessions and guaranteed delivery: {@link org.beacon.server.im.ImService} (the facade the
 * network layer calls), the sequencer-confined session state, fan-out and catch-up. The network
 * layer provides {@link org.beacon.server.im.OnlineUsers} and {@link org.beacon.server.im.ImConnection}.
 */
package org.beacon.server.im;
