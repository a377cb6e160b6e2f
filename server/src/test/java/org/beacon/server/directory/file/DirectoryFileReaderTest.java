package org.beacon.server.directory.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.beacon.protocol.model.Rights;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.User;
import org.beacon.server.testing.TestRegion;
import org.junit.jupiter.api.Test;

class DirectoryFileReaderTest {
    private final DirectoryFileReader reader = new DirectoryFileReader();

    private DirectoryFile read(String json, Directory existing) throws IOException {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", existing);
    }

    private List<String> problems(String json) {
        return catchThrowableOfType(InvalidDirectoryFileException.class, () -> read(json, Directory.empty())).problems();
    }

    private static final String ORG = """
            {"organizations": [{"id": "ems", "name": "County EMS", "kind": "ems"}],
             "resources": [{"id": "st1", "name": "Station 1", "kind": "ems_station", "organization": "ems"}],
             "users": [%s]}
            """;

    @Test
    void read_shippedExampleFile_isValid() throws IOException {
        DirectoryFile file = reader.read(Path.of("../examples/directory.json"), Directory.empty());
        assertThat(file.regionName()).isEqualTo("Riverbend Valley");
        assertThat(file.imEnabled()).isTrue();
        assertThat(file.organizations()).hasSize(5);
        assertThat(file.resources()).hasSize(6);
        assertThat(file.users()).hasSize(8);
        assertThat(file.usersWithoutPasswordHash()).hasSize(7).doesNotContain("pharris");
        User jorge = file.users().get(1);
        assertThat(jorge).isEqualTo(new User("jmendoza", "Jorge Mendoza", "riverbend-ems", "America/Los_Angeles", "",
                java.util.Set.of(Rights.INITIATE_IM), List.of("rems-comm", "riverbend-eoc")));
    }

    @Test
    void read_referencesToOrganizationsAndResourcesAlreadyInTheDatabase_areValid() throws IOException {
        Directory existing = new Directory(TestRegion.organizations(), TestRegion.resources(), List.of());
        DirectoryFile file = read("""
                {"users": [{"username": "zoe", "full_name": "Zoe", "organization": "county-ems",
                            "time_zone": "UTC", "resources": ["station-1"]}]}""", existing);
        assertThat(file.users()).extracting(User::username).containsExactly("zoe");
    }

    @Test
    void read_unknownOrganization_isReportedWithElementAndLine() {
        assertThat(problems("""
                {"users": [
                  {"username": "zoe", "full_name": "Zoe", "organization": "nowhere", "time_zone": "UTC"}
                ]}""")).containsExactly(
                "users[0] \"zoe\" (line 2): unknown organization \"nowhere\" (not in the file or the database)");
    }

    @Test
    void read_unknownResource_badIds_badZone_unknownRight_missingName_allReportedTogether() {
        List<String> problems = problems(ORG.formatted("""
                {"username": "Zoe Smith", "full_name": "Zoe", "organization": "ems", "time_zone": "UTC"},
                {"username": "amy", "full_name": "Amy", "organization": "ems", "time_zone": "Mars/Olympus"},
                {"username": "bo", "full_name": "Bo", "organization": "ems", "time_zone": "UTC", "rights": ["admin"]},
                {"username": "cy", "full_name": "Cy", "organization": "ems", "time_zone": "UTC", "resources": ["st9"]},
                {"username": "di", "organization": "ems", "time_zone": "UTC"}"""));
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("users[0] \"Zoe Smith\" (line 3): username \"Zoe Smith\" must be");
        assertThat(problems.get(1)).isEqualTo("users[1] \"amy\" (line 4): unknown time_zone \"Mars/Olympus\""
                + " (use an IANA name such as America/Chicago)");
        assertThat(problems.get(2)).isEqualTo("users[2] \"bo\" (line 5): unknown right \"admin\" (known: initiate_im)");
        assertThat(problems.get(3)).contains("users[3] \"cy\"", "unknown resource \"st9\"");
        assertThat(problems.get(4)).isEqualTo("users[4] \"di\" (line 7): full_name is missing");
    }

    @Test
    void read_duplicates_areReportedWithTheFirstLine() {
        List<String> problems = problems("""
                {"organizations": [{"id": "ems", "name": "A"},
                                   {"id": "ems", "name": "B"}],
                 "users": [{"username": "al", "full_name": "Al", "organization": "ems", "time_zone": "UTC"},
                           {"username": "al", "full_name": "Al 2", "organization": "ems", "time_zone": "UTC"}]}""");
        assertThat(problems).containsExactly(
                "organizations[1] \"ems\" (line 2): organization \"ems\" appears twice (first at line 1)",
                "users[1] \"al\" (line 4): user \"al\" appears twice (first at line 3)");
    }

    @Test
    void read_unknownFieldsAndWrongTypes_areReported() {
        List<String> problems = problems("""
                {"organisations": [],
                 "users": [{"username": "al", "full_nmae": "Al", "organization": "ems", "time_zone": "UTC"},
                           {"username": "bo", "full_name": "Bo", "organization": "ems", "time_zone": "UTC", "rights": "initiate_im"},
                           "carl"]}""");
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).isEqualTo("line 1: unknown field \"organisations\" (expected region, organizations, resources, users)");
        assertThat(problems.get(1)).startsWith("users[0] (line 2): unknown field \"full_nmae\" (known: ");
        assertThat(problems.get(2)).isEqualTo("users[1] (line 3): field \"rights\" has the wrong type");
        assertThat(problems.get(3)).isEqualTo("users[2] (line 4): must be an object {...}");
    }

    @Test
    void read_malformedPasswordHash_isReported() {
        assertThat(problems(ORG.formatted("""
                {"username": "al", "full_name": "Al", "organization": "ems", "time_zone": "UTC", "password_hash": "secret"}""")))
                .singleElement().asString().contains("password_hash is not a Beacon password hash");
    }

    @Test
    void read_notJson_reportsLineAndColumn() {
        assertThat(problems("{\"users\": [\n  {\"username\": \"al\",,}\n]}")).singleElement().asString()
                .startsWith("line 2, column ").contains("not valid JSON");
    }

    @Test
    void read_blankRegionName_isReported() {
        assertThat(problems("{\"region\": {\"name\": \" \"}}")).containsExactly("region (line 1): name must not be blank");
    }
}
