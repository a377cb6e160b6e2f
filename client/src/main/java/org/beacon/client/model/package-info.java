/**
 * The client's state without Swing: {@link org.beacon.client.model.ClientModel} holds me,
 * presence, sessions and their transcripts (deduplicated and ordered by seq, a bounded recent
 * window each, older pages on demand), fed by a {@link org.beacon.client.net.Connection}.
 *
 * <p><b>Threads.</b> The model is updated on the connection's event loop under its own lock, and
 * tells its listeners through the one {@link java.util.concurrent.Executor} it is given
 * (Swing passes {@code EventQueue::invokeLater}, tests a direct executor): that is the only place
 * where threads are hopped. Getters return immutable snapshots and may be called from any thread.
 */
package org.beacon.client.model;
