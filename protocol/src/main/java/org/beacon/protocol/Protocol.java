package org.beacon.protocol;

/** Constants of the wire protocol that both ends agree on. */
public final class Protocol {
    /** The protocol version this code speaks; sent in {@code hello}. */
    public static final int VERSION = 1;
    /** Default TCP port of a Beacon server. */
    public static final int DEFAULT_PORT = 7400;
    /** Default maximum size of a client frame's JSON body, in bytes (64 KiB). */
    public static final int DEFAULT_MAX_FRAME = 64 * 1024;
    /**
     * Largest server frame a client must accept (16 MiB). Server replies such as {@code directory}
     * or a {@code history} page can exceed the client limit; clients size their decoder for this.
     */
    public static final int MAX_SERVER_FRAME = 16 * 1024 * 1024;
    /** Bytes of the length prefix before each frame body. */
    public static final int LENGTH_PREFIX_BYTES = 4;
    /** Longest message text, in characters (after trimming). */
    public static final int MAX_TEXT_CHARS = 4_000;
    /** Longest {@code client_msg_id}, in characters. */
    public static final int MAX_CLIENT_MSG_ID_CHARS = 64;
    /** Most messages a {@code history} request returns at once. */
    public static final int MAX_HISTORY_LIMIT = 500;

    private Protocol() {
    }
}
