package org.beacon.server.presence;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.beacon.protocol.ServerMessage;
import org.beacon.protocol.codec.EncodedFrame;
import org.beacon.protocol.json.ProtocolJson;

/**
 * Tracks which users are online (signed in on at least one connection), which connections watch
 * which users, and pushes {@code presence} events to the watchers only, only when a user's state
 * changes: the first connection signs in, or the last one closes.
 *
 * <h2>Memory</h2>
 * Sized for 15,000 connections each watching 20 users: one small {@link Entry} per user that is
 * online or watched, holding two compact arrays (its connections, its watchers); a connection
 * costs one {@link Watcher} with the names it watches and one array slot per watched user.
 * Nothing is kept per (watcher, user) pair beyond those references.
 *
 * <h2>Threads</h2>
 * Any thread. Each user's entry is guarded by its own lock; a state change is pushed while the lock
 * is held, so every watcher sees a user's changes in the order they happened. Pushing never blocks:
 * {@code writeAndFlush} from another thread only queues the frame on the channel's event loop. An
 * entry that is neither online nor watched is removed (and marked, so a racing caller retries).
 */
public final class PresenceService implements SignedInConnections {
    private static final Channel[] NONE = new Channel[0];

    private final ProtocolJson json;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger signedIn = new AtomicInteger();

    public PresenceService(ProtocolJson json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** A connection signed in as this user; the user's watchers hear about it if it is the first. */
    public void signedIn(String username, Channel channel) {
        update(username, entry -> {
            boolean first = entry.connections.size == 0;
            if (entry.connections.add(channel)) {
                signedIn.incrementAndGet();
                if (first) {
                    push(entry.watchers, new ServerMessage.Presence(username, true));
                }
            }
            return null;
        });
    }

    /** A signed-in connection closed (or signed out); the watchers hear about it if it was the last. */
    public void signedOut(String username, Channel channel) {
        update(username, entry -> {
            if (entry.connections.remove(channel)) {
                signedIn.decrementAndGet();
                if (entry.connections.size == 0) {
                    push(entry.watchers, new ServerMessage.Presence(username, false));
                }
            }
            return null;
        });
    }

    /** The presence subscriptions of one connection; call {@link Watcher#close()} when it closes. */
    public Watcher watcher(Channel channel) {
        return new Watcher(Objects.requireNonNull(channel, "channel"));
    }

    @Override
    public boolean isOnline(String username) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            return entry.connections.size > 0;
        }
    }

    @Override
    public List<Channel> channelsOf(String username) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return List.of();
        }
        synchronized (entry) {
            return List.of(entry.connections.snapshot());
        }
    }

    @Override
    public int sendTo(String username, ServerMessage.Event event) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return 0;
        }
        EncodedFrame frame = new EncodedFrame(json.write(event));
        synchronized (entry) {
            return entry.connections.sendAll(frame);
        }
    }

    @Override
    public int sendToAll(ServerMessage.Event event) {
        EncodedFrame frame = new EncodedFrame(json.write(event));
        int sent = 0;
        for (Entry entry : entries.values()) {
            synchronized (entry) {
                sent += entry.connections.sendAll(frame);
            }
        }
        return sent;
    }

    @Override
    public void forEachSignedIn(java.util.function.BiConsumer<String, Channel> action) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Channel[] channels;
            synchronized (e.getValue()) {
                channels = e.getValue().connections.snapshot();
            }
            for (Channel channel : channels) {
                action.accept(e.getKey(), channel);
            }
        }
    }

    @Override
    public int connectionCount() {
        return signedIn.get();
    }

    /** Users that are online or watched (for tests and memory checks). */
    int trackedUsers() {
        return entries.size();
    }

    private void push(ChannelList watchers, ServerMessage.Presence event) {
        if (watchers.size > 0) {
            watchers.sendAll(new EncodedFrame(json.write(event)));
        }
    }

    /** Runs action on the user's entry under its lock, creating it if needed and dropping it when empty. */
    private <T> T update(String username, Function<Entry, T> action) {
        while (true) {
            Entry entry = entries.computeIfAbsent(username, k -> new Entry());
            synchronized (entry) {
                if (entry.removed) {
                    continue;
                }
                T result = action.apply(entry);
                if (entry.connections.size == 0 && entry.watchers.size == 0) {
                    entry.removed = true;
                    entries.remove(username, entry);
                }
                return result;
            }
        }
    }

    /** One user's connections and watchers; guarded by its own monitor. */
    private static final class Entry {
        final ChannelList connections = new ChannelList();
        final ChannelList watchers = new ChannelList();
        boolean removed;
    }

    /** A compact, unordered list of channels without duplicates; not thread-safe. */
    private static final class ChannelList {
        Channel[] items = NONE;
        int size;

        boolean add(Channel channel) {
            for (int i = 0; i < size; i++) {
                if (items[i] == channel) {
                    return false;
                }
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, Math.max(2, size + (size >> 1)));
            }
            items[size++] = channel;
            return true;
        }

        boolean remove(Channel channel) {
            for (int i = 0; i < size; i++) {
                if (items[i] == channel) {
                    items[i] = items[--size];
                    items[size] = null;
                    if (size == 0) {
                        items = NONE;
                    } else if (items.length > 8 && size < items.length / 4) {
                        items = Arrays.copyOf(items, items.length / 2);
                    }
                    return true;
                }
            }
            return false;
        }

        Channel[] snapshot() {
            return Arrays.copyOf(items, size);
        }

        int sendAll(EncodedFrame frame) {
            for (int i = 0; i < size; i++) {
                items[i].writeAndFlush(frame);
            }
            return size;
        }
    }

    /**
     * The users one connection watches. Used only from that connection's event loop (not
     * thread-safe itself); the shared entries it touches are locked.
     */
    public final class Watcher {
        private final Channel channel;
        private final List<String> watched = new ArrayList<>(0);

        private Watcher(Channel channel) {
            this.channel = channel;
        }

        /**
         * Starts watching these users (names the caller has checked exist) and returns whether each
         * is online now. A change after this call is pushed; one before is reflected in the result.
         */
        public Map<String, Boolean> subscribe(Collection<String> usernames) {
            Map<String, Boolean> online = new LinkedHashMap<>();
            for (String username : usernames) {
                if (online.containsKey(username)) {
                    continue;
                }
                boolean isNew = !watched.contains(username);
                online.put(username, update(username, entry -> {
                    if (isNew) {
                        entry.watchers.add(channel);
                    }
                    return entry.connections.size > 0;
                }));
                if (isNew) {
                    watched.add(username);
                }
            }
            return online;
        }

        /** Stops watching these users; names not watched are ignored. */
        public void unsubscribe(Collection<String> usernames) {
            for (String username : usernames) {
                if (watched.remove(username)) {
                    update(username, entry -> entry.watchers.remove(channel));
                }
            }
        }

        /** Stops watching everyone (the connection closed). */
        public void close() {
            for (String username : watched) {
                update(username, entry -> entry.watchers.remove(channel));
            }
            watched.clear();
        }

        /** How many users this connection watches. */
        public int size() {
            return watched.size();
        }
    }
}
