package org.beacon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI smoke run: every scenario once, small and short, against a server launched in its own
 * JVM, exactly as {@code java -jar beacon-bench.jar SCENARIO --smoke} does. Asserts correctness
 * only (nothing lost, nothing duplicated, the run completed): speed is for the benchmark, never
 * for a test.
 */
@DisplayName("beacon-bench --smoke")
class BenchSmokeTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"steady", "capacity", "fanout", "idle", "resume-storm", "offline"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void scenario_smoke_losesAndDuplicatesNothing(String scenario) throws Exception {
        Path json = folder.resolve(scenario + ".json");
        Path timeline = folder.resolve(scenario + ".csv");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            exit = BenchCommand.execute(out, scenario, "--smoke", "--json", json.toString(), "--timeline",
                    timeline.toString());
        }
        String output = console.toString(StandardCharsets.UTF_8);

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.has("failure")).as("run failed:%n%s", output).isFalse();
        assertThat(exit).as(output).isZero();
        assertThat(report.get("scenario").asText()).isEqualTo(scenario);
        assertThat(report.get("lost").asLong()).as(output).isZero();
        assertThat(report.get("duplicated").asLong()).as(output).isZero();
        assertThat(output).contains("== " + scenario);
        assertThat(Files.readAllLines(timeline)).first().asString().startsWith("session_id,seq,intended_ms");
        assertThat(report.get("machine_busy_s").asDouble()).as(output).isPositive();
        assertThat(report.get("server_transport").asText()).as(output).isIn("io_uring", "epoll", "nio");
        // Not vacuous: messages flowed, or every connection was there.
        if (report.has("resumed")) {
            assertThat(report.get("resumed").asLong()).as(output).isEqualTo(report.get("clients").asLong());
            assertThat(report.get("paced_resumed").asLong()).as(output).isEqualTo(report.get("clients").asLong());
            assertThat(report.get("warmup_rounds").asLong()).as(output).isPositive();
        } else if (report.has("signed_in")) {
            assertThat(report.get("signed_in").asLong()).as(output).isEqualTo(report.get("connections").asLong());
        } else if (report.has("steps")) {
            // capacity: its first step carried messages, whether or not it met the latency bar
            // (a smoke run checks loss and duplicates, never speed).
            assertThat(report.get("step1_delivered_per_s").asDouble()).as(output).isPositive();
        } else {
            assertThat(report.get("delivered_per_s").asDouble()).as(output).isPositive();
            // One line per message sent in the measured window, each complete after the drain.
            List<String> lines = Files.readAllLines(timeline);
            assertThat(lines).as(output).hasSizeGreaterThan(1);
            assertThat(lines.get(1).split(",")).as(lines.get(1)).hasSize(7)
                    .satisfies(fields -> assertThat(fields[6]).isEqualTo(fields[5]));
        }
    }
}
