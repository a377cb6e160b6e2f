package org.beacon.bench.scenario;

import java.util.List;
import java.util.Optional;
import org.beacon.bench.load.GeneratorTransport;

/** A load scenario: its defaults (full and smoke), the users it needs seeded, and the run itself. */
public interface Scenario {
    /** The name on the command line. */
    String name();

    /** Defaults at the parameters, or small and short ones for {@code --smoke}. */
    Settings defaults(boolean smoke);

    /** Bench users the server must hold (the generator adds one for its stats observer); default {@code users}. */
    default int usersNeeded(Settings settings) {
        return settings.users();
    }

    /** The generator's event loops when {@code --client-transport} is not given; io_uring first by default. */
    default GeneratorTransport defaultTransport() {
        return GeneratorTransport.AUTO;
    }

    /** Runs the scenario and adds its figures to {@code run.report()}. */
    void run(BenchRun run) throws Exception;

    static List<Scenario> all() {
        return List.of(new Steady(), new Capacity(), new Fanout(), new Idle(), new ResumeStorm(), new Offline());
    }

    static Optional<Scenario> named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
