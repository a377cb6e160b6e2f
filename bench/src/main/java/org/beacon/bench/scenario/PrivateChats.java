package org.beacon.bench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.beacon.bench.load.BenchClient;

/**
 * The steady and capacity set-up: {@code users} clients signed in, each in private chats with its
 * next {@code partners} users (user i with i+1 .. i+partners, wrapping), so each user talks to
 * about 2 × partners fixed people. Routes go both ways, so every user sends at the same rate.
 */
final class PrivateChats {
    private PrivateChats() {
    }

    static List<Route> open(BenchRun run, int users, int partners) throws InterruptedException {
        if (users < 2) {
            throw new IllegalArgumentException("private chats need at least 2 users, not " + users);
        }
        Set<List<Integer>> pairs = new LinkedHashSet<>();
        for (int i = 0; i < users; i++) {
            for (int d = 1; d <= partners; d++) {
                int j = (i + d) % users;
                if (j != i) {
                    pairs.add(List.of(Math.min(i, j), Math.max(i, j)));
                }
            }
        }
        List<BenchClient> clients = run.fleet().clients(0, users);
        run.fleet().sink(new DeliverySink(run));
        run.fleet().loginAll(clients, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT);
        List<Route> routes = new ArrayList<>();
        run.fleet().runAll(new ArrayList<>(pairs), BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT, pair -> {
            BenchClient a = clients.get(pair.get(0));
            BenchClient b = clients.get(pair.get(1));
            return a.connection().startPrivate(b.username()).thenAccept(result -> {
                String sessionId = result.session().sessionId();
                run.tracker().register(sessionId, a.index(), b.index());
                synchronized (routes) {
                    routes.add(new Route(a, sessionId));
                    routes.add(new Route(b, sessionId));
                }
            });
        }, "start private chats");
        run.out().printf("%d users signed in, %d private chats%n", users, pairs.size());
        return routes;
    }
}
