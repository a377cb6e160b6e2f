package org.beacon.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The wire's instants ({@code 2026-11-24T18:03:07.512Z}) without a {@code DateTimeFormatter}.
 *
 * <p>Why: every {@code message} event carries {@code sent_at}, and the formatter-based reading and
 * writing of jackson-datatype-jsr310 was a sixth of a receiving client's CPU in the load
 * generator's fan-out run (profiled with async-profiler). The fast paths cover exactly what Beacon
 * sends: UTC, whole milliseconds or whole seconds, years 1970–9999. Anything else goes to
 * jackson-datatype-jsr310's own serializer and deserializer, so the text written for any instant,
 * and the instants (and errors) read from any text, are the same as with {@code JavaTimeModule}
 * alone. Register after that module.
 */
final class WireInstants {
    /** 9999-12-31T23:59:59Z: the last second with a four-digit year. */
    private static final long MAX_FAST_SECOND = 253_402_300_799L;

    private WireInstants() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("beacon-wire-instants");
        module.addSerializer(Instant.class, new Writer());
        module.addDeserializer(Instant.class, new Reader());
        return module;
    }

    /** The ISO-8601 text {@code DateTimeFormatter.ISO_INSTANT} would give, or null outside the fast path. */
    static String format(Instant instant) {
        char[] text = formatFast(instant);
        return text == null ? null : new String(text);
    }

    /** The instant of an ISO-8601 UTC text with 0 or 3 fraction digits, or null if it is not one. */
    static Instant parse(String text) {
        int length = text.length();
        if ((length != 20 && length != 24) || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = 0;
        if (length == 24) {
            if (text.charAt(19) != '.') {
                return null;
            }
            millis = digits(text, 20, 3);
        }
        if ((year | month | day | hour | minute | second | millis) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // e.g. February 30th: the fallback reports it as the module would
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    private static char[] formatFast(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (seconds < 0 || seconds > MAX_FAST_SECOND || nanos % 1_000_000 != 0) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] text = new char[nanos == 0 ? 20 : 24];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (nanos != 0) {
            text[19] = '.';
            put(text, 20, nanos / 1_000_000, 3);
        }
        text[text.length - 1] = 'Z';
        return text;
    }

    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The non-negative number in {@code text[at, at + count)}, or -1 if a character is not a digit. */
    private static int digits(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Writer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            char[] text = formatFast(value);
            if (text == null) {
                InstantSerializer.INSTANCE.serialize(value, gen, serializers);
            } else {
                gen.writeString(text, 0, text.length);
            }
        }

        @Override
        public Class<Instant> handledType() {
            return Instant.class;
        }
    }

    private static final class Reader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                Instant fast = parse(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }
}
