package org.beacon.server.directory.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beacon.protocol.json.ProtocolJson;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.file.FileEntries.FileOrganization;
import org.beacon.server.directory.file.FileEntries.FileRegion;
import org.beacon.server.directory.file.FileEntries.FileResource;
import org.beacon.server.directory.file.FileEntries.FileUser;
import org.beacon.server.directory.file.FileEntries.Located;

/**
 * Reads a directory import file and validates all of it against itself and the region's current
 * directory. Either every element is valid and a {@link DirectoryFile} comes back, or an
 * {@link InvalidDirectoryFileException} lists every problem found, each with its element and line.
 *
 * <p>The file is read element by element with a streaming parser so that each element's line is
 * known; unknown fields are problems (a misspelt {@code full_nmae} must not silently drop data).
 */
public final class DirectoryFileReader {
    private final ObjectMapper mapper;

    public DirectoryFileReader() {
        // The wire mapping (snake_case, strict duplicates), minus the trailing-token check, which
        // would reject reading one element of a larger document.
        this.mapper = ProtocolJson.newMapper().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param existing the directory already in the database: references to its organizations and
     *                 resources are valid, and its users are updated rather than added
     */
    public DirectoryFile read(Path file, Directory existing) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), existing);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    public DirectoryFile read(InputStream in, String name, Directory existing) throws IOException {
        Parsed parsed = new Parsed();
        try (JsonParser p = mapper.createParser(in)) {
            parse(p, parsed);
        } catch (JsonProcessingException e) {
            parsed.problems.add("line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!parsed.problems.isEmpty()) {
            throw new InvalidDirectoryFileException(name, parsed.problems);
        }
        DirectoryFileValidator validator = new DirectoryFileValidator(existing);
        DirectoryFile result = validator.validate(parsed.region, parsed.organizations, parsed.resources, parsed.users);
        if (!validator.problems().isEmpty()) {
            throw new InvalidDirectoryFileException(name, validator.problems());
        }
        return result;
    }

    private static final class Parsed {
        final List<String> problems = new ArrayList<>();
        Located<FileRegion> region;
        final List<Located<FileOrganization>> organizations = new ArrayList<>();
        final List<Located<FileResource>> resources = new ArrayList<>();
        final List<Located<FileUser>> users = new ArrayList<>();
    }

    private void parse(JsonParser p, Parsed parsed) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            parsed.problems.add("line " + p.currentTokenLocation().getLineNr()
                    + ": the file must hold one JSON object with \"organizations\", \"resources\" and \"users\"");
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            p.nextToken();
            switch (field) {
                case "region" -> parsed.region = element(p, "region", 0, FileRegion.class, r -> r.name(), parsed.problems);
                case "organizations" -> array(p, field, FileOrganization.class, FileOrganization::id,
                        parsed.organizations, parsed.problems);
                case "resources" -> array(p, field, FileResource.class, FileResource::id, parsed.resources, parsed.problems);
                case "users" -> array(p, field, FileUser.class, FileUser::username, parsed.users, parsed.problems);
                default -> {
                    parsed.problems.add("line " + line + ": unknown field \"" + field
                            + "\" (expected region, organizations, resources, users)");
                    p.skipChildren();
                }
            }
        }
        if (p.nextToken() != null) {
            parsed.problems.add("line " + p.currentTokenLocation().getLineNr() + ": unexpected content after the object");
        }
    }

    private <T> void array(JsonParser p, String section, Class<T> type, Function<T, String> key,
                           List<Located<T>> into, List<String> problems) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(section + " (line " + p.currentTokenLocation().getLineNr() + "): must be a list [...]");
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Located<T> element = element(p, section, index++, type, key, problems);
            if (element != null) {
                into.add(element);
            }
        }
    }

    /** Reads one element as a tree first, so that a bad element never derails the parser. */
    private <T> Located<T> element(JsonParser p, String section, int index, Class<T> type, Function<T, String> key,
                                   List<String> problems) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        String where = section + (section.equals("region") ? "" : "[" + index + "]") + " (line " + line + ")";
        if (node == null || !node.isObject()) {
            problems.add(where + ": must be an object {...}");
            return null;
        }
        ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            T value = reader.readValue(node);
            return new Located<>(section, index, line, key.apply(value), value);
        } catch (UnrecognizedPropertyException e) {
            problems.add(where + ": unknown field \"" + e.getPropertyName() + "\" (known: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
            problems.add(where + ": field \"" + field + "\" has the wrong type");
        }
        return null;
    }
}
