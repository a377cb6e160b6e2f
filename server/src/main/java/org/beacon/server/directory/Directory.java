package org.beacon.server.directory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the region's directory with lookups. The server keeps one and swaps it
 * whole when the database changes (e.g. an administrator adds a user while it serves).
 */
public final class Directory {
    private final Map<String, Organization> organizations;
    private final Map<String, Resource> resources;
    private final Map<String, User> users;
    private final Map<String, List<User>> usersByResource;

    public Directory(List<Organization> organizations, List<Resource> resources, List<User> users) {
        this.organizations = index(organizations, Organization::id, Comparator.comparing(Organization::name));
        this.resources = index(resources, Resource::id, Comparator.comparing(Resource::name));
        this.users = index(users, User::username, Comparator.comparing(User::fullName));
        this.usersByResource = this.users.values().stream()
                .flatMap(u -> u.resourceIds().stream().map(r -> Map.entry(r, u)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableList())));
    }

    public static Directory empty() {
        return new Directory(List.of(), List.of(), List.of());
    }

    /** Sorted by name. */
    public List<Organization> organizations() {
        return List.copyOf(organizations.values());
    }

    /** Sorted by name. */
    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    /** Sorted by full name. */
    public List<User> users() {
        return List.copyOf(users.values());
    }

    public Optional<Organization> organization(String id) {
        return Optional.ofNullable(organizations.get(id));
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** The users associated with a resource, sorted by full name; empty for an unknown resource. */
    public List<User> usersOf(String resourceId) {
        return usersByResource.getOrDefault(resourceId, List.of());
    }

    public String organizationName(String organizationId) {
        Organization org = organizations.get(organizationId);
        return org == null ? organizationId : org.name();
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key, Comparator<V> order) {
        Map<K, V> map = new LinkedHashMap<>();
        values.stream().sorted(order).forEach(v -> {
            if (map.putIfAbsent(key.apply(v), v) != null) {
                throw new IllegalArgumentException("duplicate id " + key.apply(v));
            }
        });
        return java.util.Collections.unmodifiableMap(map);
    }
}
