package org.beacon.bench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.beacon.bench.load.Fleet;
import org.beacon.server.auth.PasswordHasher;

/**
 * The import file (docs/directory-format.md) with the users a run needs: {@code u00000},
 * {@code u00001}, ... in one organization, each with the {@code initiate_im} right and the password
 * {@value Fleet#PASSWORD}. The hash is computed once with 1,000 PBKDF2 iterations and shared: the
 * bench measures messaging, not password hashing, and 15,000 users seed in a second.
 */
public final class BenchDirectory {
    public static final String ORGANIZATION = "bench-org";

    private BenchDirectory() {
    }

    public static void write(Path file, int users) throws IOException {
        String hash = new PasswordHasher(1_000).hash(Fleet.PASSWORD.toCharArray());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.putObject("region").put("name", "Bench region").put("im_enabled", true);
        root.putArray("organizations").addObject().put("id", ORGANIZATION).put("name", "Bench").put("kind", "eoc");
        ArrayNode list = root.putArray("users");
        for (int i = 0; i < users; i++) {
            ObjectNode user = list.addObject();
            user.put("username", Fleet.username(i));
            user.put("full_name", "Bench User " + i);
            user.put("organization", ORGANIZATION);
            user.put("time_zone", "UTC");
            user.putArray("rights").add("initiate_im");
            user.put("password_hash", hash);
        }
        mapper.writeValue(file.toFile(), root);
    }
}
