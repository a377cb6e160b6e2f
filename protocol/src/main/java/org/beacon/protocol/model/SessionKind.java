package org.beacon.protocol.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two kinds of IM session. On the wire: {@code "private"} or {@code "conference"}. */
public enum SessionKind {
    PRIVATE("private"),
    CONFERENCE("conference");

    private final String wireName;

    SessionKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
