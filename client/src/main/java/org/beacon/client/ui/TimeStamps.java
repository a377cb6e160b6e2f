package org.beacon.client.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Time stamps as the viewer reads them: 24-hour {@code HH:mm:ss} in the viewer's own zone. Thread-safe. */
public final class TimeStamps {
    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    public TimeStamps(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.formatter = PATTERN.withZone(zone);
    }

    public String format(Instant instant) {
        return formatter.format(instant);
    }

    public ZoneId zone() {
        return zone;
    }
}
