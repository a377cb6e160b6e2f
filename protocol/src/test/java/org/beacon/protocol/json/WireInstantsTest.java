package org.beacon.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireInstantsTest {
    /** What the wire format was before the fast path: JavaTimeModule alone. */
    private final ObjectMapper reference = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final ObjectMapper wire = ProtocolJson.newMapper();

    @Test
    void write_anyInstant_writesWhatJavaTimeModuleWrites() throws Exception {
        for (Instant instant : instants()) {
            assertThat(wire.writeValueAsString(instant)).as("%s", instant)
                    .isEqualTo(reference.writeValueAsString(instant));
        }
    }

    @Test
    void format_fastPath_isIsoInstant() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, 253_402_300_800_000L));
            assertThat(WireInstants.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
            assertThat(WireInstants.parse(WireInstants.format(instant))).isEqualTo(instant);
        }
    }

    @Test
    void read_anyText_readsWhatJavaTimeModuleReads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Instant instant : instants()) {
            texts.add(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        texts.addAll(List.of("2026-11-24T18:03:07.5Z", "2026-11-24T18:03:07.51Z", "2026-11-24T18:03:07.512345Z",
                "2026-11-24T18:03:07+01:00", "2026-11-24T18:03:07.512z", "2026-02-30T10:00:00Z",
                "2026-11-24T24:00:00Z", "2026-11-24T23:59:60Z", "2026-11-24T18:3:07.512Z", "2026-11-24 18:03:07.512Z",
                "2026-13-01T00:00:00Z", "+2026-11-24T18:03:07Z", "2026-11-24T18:03:07.5a2Z", "", "not a time",
                "1764007387512"));
        for (String text : texts) {
            String json = "\"" + text + "\"";
            Throwable expectedFailure = catchThrowable(() -> reference.readValue(json, Instant.class));
            Throwable failure = catchThrowable(() -> wire.readValue(json, Instant.class));
            if (expectedFailure == null) {
                assertThat(failure).as(text).isNull();
                assertThat(wire.readValue(json, Instant.class)).as(text)
                        .isEqualTo(reference.readValue(json, Instant.class));
            } else {
                assertThat(failure).as(text).isNotNull().hasSameClassAs(expectedFailure);
            }
        }
        assertThat(wire.readValue("1764007387.512", Instant.class))
                .isEqualTo(reference.readValue("1764007387.512", Instant.class));
    }

    private static List<Instant> instants() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-24T18:03:07.512Z"),
                Instant.parse("2026-11-24T18:03:07Z"), Instant.parse("2026-11-24T18:03:07.000001Z"),
                Instant.parse("2026-11-24T18:03:07.123456789Z"), Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00.100Z"), Instant.parse("0001-01-01T00:00:00Z")));
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-10_000_000_000L, 300_000_000_000L),
                    random.nextBoolean() ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000)));
        }
        return instants;
    }
}
