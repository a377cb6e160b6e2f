package org.beacon.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network and model packages must work without Swing (tests, load generator, headless servers). */
class SwingFreeTest {

    @ParameterizedTest
    @ValueSource(strings = {"net", "model"})
    void package_hasNoSwingOrAwtImports_andAPackageInfo(String name) throws IOException {
        Path dir = Path.of("src/main/java/org/beacon/client", name);
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }

        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("package-info.java").hasSizeGreaterThan(2);
        for (Path source : sources) {
            assertThat(Files.readAllLines(source))
                    .as(source.toString())
                    .noneMatch(line -> line.matches("\\s*import\\s+(static\\s+)?(javax\\.swing|java\\.awt)\\..*"));
        }
    }
}
