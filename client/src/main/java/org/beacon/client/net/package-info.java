/**
 * The client's network layer, without Swing: {@link org.beacon.client.net.Connection} (a Netty
 * client that signs in, sends requests as futures, keeps a heartbeat and reconnects with backoff),
 * the {@link org.beacon.client.net.Outbox} that never loses a typed message, and coalesced acks.
 *
 * <p><b>Threads.</b> Each connection is pinned to one event loop of a shared
 * {@link org.beacon.client.net.ClientTransport}; all its state lives on that thread, and every
 * listener and future callback runs there. Callbacks must never block. Public methods may be
 * called from any thread: they hop onto the loop.
 */
package org.beacon.client.net;
