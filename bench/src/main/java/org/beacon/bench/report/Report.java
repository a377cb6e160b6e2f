package org.beacon.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run, in the order they were added: printed as aligned lines and written as
 * one flat JSON object (numbers, strings and booleans only, no nesting), so that a script can
 * compare runs field by field.
 */
public final class Report {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Report put(String name, Object value) {
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw new IllegalArgumentException("the report is flat; " + name + " is not a scalar");
        }
        fields.put(name, value instanceof Double d ? round(d) : value);
        return this;
    }

    public Object get(String name) {
        return fields.get(name);
    }

    public long getLong(String name) {
        Object value = fields.get(name);
        return value instanceof Number n ? n.longValue() : 0;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public void print(PrintStream out) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) -> out.printf("  %-" + width + "s  %s%n", name, value));
    }

    public void writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        mapper.writeValue(file.toFile(), fields);
    }

    /** Three decimals: enough for milliseconds, and the JSON stays readable. */
    private static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return -1;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }
}
