package org.beacon.server.demo;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.beacon.protocol.model.Rights;
import org.beacon.server.auth.PasswordHasher;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.Resource;
import org.beacon.server.directory.User;
import org.beacon.server.store.Store;

/**
 * The demo region "Demo County": two EMS agencies, two hospitals and the county EOC, their
 * stations and departments, and sixteen users. Every user's password is {@value #PASSWORD}.
 *
 * <p>Fixed by DESIGN.md: {@code gblue} (Green Blue, IMX EMS, America/Chicago, may initiate IM),
 * {@code ablack} (America/New_York) and {@code cgray} (America/Denver), who may not initiate. The
 * three share the resource {@value #SHARED_RESOURCE}, so its page lists all of them.
 *
 * <p>The password is hashed once, in the constructor, and the hash reused for every user: a
 * production-cost hash takes a noticeable fraction of a second, and a demo must start quickly.
 */
public final class DemoRegion {
    public static final String REGION_NAME = "Demo County";
    public static final String PASSWORD = "demo";
    /** The county EOC, where gblue, ablack and cgray all work. */
    public static final String SHARED_RESOURCE = "county-eoc";

    private static final String IMX = "imx-ems";
    private static final String LAKESIDE = "lakeside-fire";
    private static final String ST_LUKES = "st-lukes";
    private static final String MERCY = "mercy-general";
    private static final String EOC = "demo-county-em";
    private static final String CHICAGO = "America/Chicago";
    private static final Set<String> INITIATOR = Set.of(Rights.INITIATE_IM);

    private final String passwordHash;

    public DemoRegion(PasswordHasher hasher) {
        this.passwordHash = Objects.requireNonNull(hasher, "hasher").hash(PASSWORD.toCharArray());
    }

    public List<Organization> organizations() {
        return List.of(
                new Organization(IMX, "IMX EMS", "ems"),
                new Organization(LAKESIDE, "Lakeside Fire Rescue", "ems"),
                new Organization(ST_LUKES, "St. Luke's Regional Medical Center", "hospital"),
                new Organization(MERCY, "Mercy General Hospital", "hospital"),
                new Organization(EOC, "Demo County Emergency Management", "eoc"));
    }

    public List<Resource> resources() {
        return List.of(
                new Resource("imx-dispatch", "IMX EMS Dispatch", "dispatch_center", IMX),
                new Resource("imx-station-1", "IMX EMS Station 1", "ems_station", IMX),
                new Resource("imx-station-4", "IMX EMS Station 4", "ems_station", IMX),
                new Resource("lakeside-station-2", "Lakeside Fire Station 2", "ems_station", LAKESIDE),
                new Resource("st-lukes-ed", "St. Luke's Emergency Department", "hospital", ST_LUKES),
                new Resource("mercy-ed", "Mercy General Emergency Department", "hospital", MERCY),
                new Resource(SHARED_RESOURCE, "Demo County EOC", "eoc", EOC));
    }

    public List<User> users() {
        return List.of(
                user("gblue", "Green Blue", IMX, CHICAGO, INITIATOR, "imx-dispatch", SHARED_RESOURCE),
                user("ablack", "Avery Black", ST_LUKES, "America/New_York", Set.of(), "st-lukes-ed", SHARED_RESOURCE),
                user("cgray", "Casey Gray", MERCY, "America/Denver", Set.of(), "mercy-ed", SHARED_RESOURCE),
                user("mrivera", "Maria Rivera", IMX, CHICAGO, INITIATOR, "imx-dispatch", "imx-station-1"),
                user("dokafor", "David Okafor", IMX, CHICAGO, Set.of(), "imx-station-1"),
                user("jnguyen", "Jenny Nguyen", IMX, CHICAGO, Set.of(), "imx-station-4"),
                user("tkowalski", "Tom Kowalski", LAKESIDE, CHICAGO, INITIATOR, "lakeside-station-2"),
                user("rpatel", "Riya Patel", LAKESIDE, CHICAGO, Set.of(), "lakeside-station-2"),
                user("nsantos", "Nora Santos", LAKESIDE, CHICAGO, Set.of(), "lakeside-station-2", SHARED_RESOURCE),
                user("swilliams", "Sarah Williams", ST_LUKES, CHICAGO, INITIATOR, "st-lukes-ed"),
                user("mchen", "Michael Chen", ST_LUKES, CHICAGO, Set.of(), "st-lukes-ed"),
                user("ajohnson", "Angela Johnson", MERCY, CHICAGO, INITIATOR, "mercy-ed"),
                user("lgarcia", "Luis Garcia", MERCY, CHICAGO, Set.of(), "mercy-ed"),
                user("kobrien", "Kevin O'Brien", EOC, CHICAGO, INITIATOR, SHARED_RESOURCE),
                user("hmorales", "Hannah Morales", EOC, CHICAGO, Set.of(), SHARED_RESOURCE),
                user("bthompson", "Brian Thompson", EOC, CHICAGO, Set.of(), SHARED_RESOURCE, "imx-dispatch"));
    }

    /** Writes the region's directory and settings (IM on) into a store; existing rows are updated. */
    public CompletableFuture<Void> seed(Store store) {
        // Submitted together: a store applies one thread's writes in call order, usually in one commit.
        return CompletableFuture.allOf(
                store.importDirectory(organizations(), resources(), users()),
                store.setRegionName(REGION_NAME),
                store.setImEnabled(true));
    }

    private User user(String username, String fullName, String organization, String zone, Set<String> rights,
                      String... resources) {
        return new User(username, fullName, organization, zone, passwordHash, rights, List.of(resources));
    }
}
