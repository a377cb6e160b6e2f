package org.beacon.protocol.model;

import java.util.Set;

/** Names of the rights a user can hold. Wire and storage names; never renamed. */
public final class Rights {
    /** May start private chats and conferences. */
    public static final String INITIATE_IM = "initiate_im";

    /** Every right the server knows. */
    public static final Set<String> ALL = Set.of(INITIATE_IM);

    private Rights() {
    }
}
