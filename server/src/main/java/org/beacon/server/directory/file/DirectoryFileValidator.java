package org.beacon.server.directory.file;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beacon.protocol.model.Rights;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.directory.Directory;
import org.beacon.server.directory.Ids;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;
import org.beacon.server.directory.file.FileEntries.FileOrganization;
import org.beacon.server.directory.file.FileEntries.FileRegion;
import org.beacon.server.directory.file.FileEntries.FileResource;
import org.beacon.server.directory.file.FileEntries.FileUser;
import org.beacon.server.directory.file.FileEntries.Located;

/** Checks every element of a parsed file and collects all problems; builds the result when there are none. */
final class DirectoryFileValidator {
    private final Directory existing;
    private final List<String> problems = new ArrayList<>();

    DirectoryFileValidator(Directory existing) {
        this.existing = existing;
    }

    List<String> problems() {
        return problems;
    }

    /** The validated file, or {@code null} when {@link #problems()} is not empty. */
    DirectoryFile validate(Located<FileRegion> region, List<Located<FileOrganization>> organizations,
                           List<Located<FileResource>> resources, List<Located<FileUser>> users) {
        String regionName = null;
        Boolean imEnabled = null;
        if (region != null) {
            regionName = region.value().name();
            imEnabled = region.value().imEnabled();
            if (regionName != null && regionName.isBlank()) {
                problems.add("region (line " + region.line() + "): name must not be blank");
            }
        }
        List<Organization> orgs = new ArrayList<>();
        Map<String, Integer> orgLines = new HashMap<>();
        for (Located<FileOrganization> e : organizations) {
            FileOrganization o = e.value();
            if (validId(e, o.id(), "id") & required(e, o.name(), "name") & unique(e, o.id(), orgLines, "organization")) {
                orgs.add(new Organization(o.id(), o.name().strip(), o.kind()));
            }
        }
        Set<String> knownOrgs = new LinkedHashSet<>(orgLines.keySet());
        existing.organizations().forEach(o -> knownOrgs.add(o.id()));

        List<Resource> res = new ArrayList<>();
        Map<String, Integer> resourceLines = new HashMap<>();
        for (Located<FileResource> e : resources) {
            FileResource r = e.value();
            if (validId(e, r.id(), "id") & required(e, r.name(), "name")
                    & reference(e, r.organization(), "organization", knownOrgs)
                    & unique(e, r.id(), resourceLines, "resource")) {
                res.add(new Resource(r.id(), r.name().strip(), r.kind(), r.organization()));
            }
        }
        Set<String> knownResources = new LinkedHashSet<>(resourceLines.keySet());
        existing.resources().forEach(r -> knownResources.add(r.id()));

        List<User> people = new ArrayList<>();
        Map<String, Integer> userLines = new HashMap<>();
        for (Located<FileUser> e : users) {
            FileUser u = e.value();
            List<String> rights = u.rights() == null ? List.of() : u.rights();
            List<String> memberships = u.resources() == null ? List.of() : u.resources();
            boolean ok = validId(e, u.username(), "username") & required(e, u.fullName(), "full_name")
                    & reference(e, u.organization(), "organization", knownOrgs) & timeZone(e, u.timeZone())
                    & unique(e, u.username(), userLines, "user") & passwordHash(e, u.passwordHash());
            for (String right : rights) {
                if (!Rights.ALL.contains(right)) {
                    problems.add(e.where() + ": unknown right \"" + right + "\" (known: " + String.join(", ", Rights.ALL) + ")");
                    ok = false;
                }
            }
            for (String resource : memberships) {
                ok &= reference(e, resource, "resource", knownResources);
            }
            if (ok) {
                String hash = u.passwordHash() == null ? "" : u.passwordHash();
                people.add(new User(u.username(), u.fullName().strip(), u.organization(), u.timeZone(), hash,
                        Set.copyOf(rights), List.copyOf(new LinkedHashSet<>(memberships))));
            }
        }
        return problems.isEmpty() ? new DirectoryFile(regionName, imEnabled, orgs, res, people) : null;
    }

    private boolean validId(Located<?> e, String id, String field) {
        if (id == null) {
            problems.add(e.where() + ": " + field + " is missing");
            return false;
        }
        if (!Ids.isValid(id)) {
            problems.add(e.where() + ": " + field + " \"" + id + "\" must be 1-64 of a-z, 0-9, '.', '_', '-'"
                    + " starting with a letter or digit");
            return false;
        }
        return true;
    }

    private boolean required(Located<?> e, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(e.where() + ": " + field + " is missing");
            return false;
        }
        return true;
    }

    private boolean reference(Located<?> e, String id, String what, Set<String> known) {
        if (id == null) {
            problems.add(e.where() + ": " + what + " is missing");
            return false;
        }
        if (!known.contains(id)) {
            problems.add(e.where() + ": unknown " + what + " \"" + id + "\" (not in the file or the database)");
            return false;
        }
        return true;
    }

    private boolean unique(Located<?> e, String id, Map<String, Integer> seen, String what) {
        if (id == null) {
            return false;
        }
        Integer first = seen.putIfAbsent(id, e.line());
        if (first != null) {
            problems.add(e.where() + ": " + what + " \"" + id + "\" appears twice (first at line " + first + ")");
            return false;
        }
        return true;
    }

    private boolean timeZone(Located<?> e, String zone) {
        if (zone == null) {
            problems.add(e.where() + ": time_zone is missing");
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException ex) {
            problems.add(e.where() + ": unknown time_zone \"" + zone + "\" (use an IANA name such as America/Chicago)");
            return false;
        }
    }

    private boolean passwordHash(Located<?> e, String hash) {
        if (hash == null || hash.isEmpty() || PasswordHasher.isWellFormed(hash)) {
            return true;
        }
        problems.add(e.where() + ": password_hash is not a Beacon password hash (pbkdf2-sha256$...);"
                + " leave it out and set the password with reset-password");
        return false;
    }
}
