package org.beacon.client.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beacon.server.im.ImLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server over a real SQLite file in a temp folder for each test, and headless clients
 * signed in to it that are closed after the test.
 */
abstract class LiveServerTestBase {
    @TempDir
    Path dir;
    protected LiveServer server;
    protected final List<ModelClient> clients = new ArrayList<>();

    /** The IM limits the server runs with: none to speak of, unless a test is about flood control. */
    protected ImLimits limits() {
        return LiveServer.UNLIMITED;
    }

    @BeforeEach
    void startServer() {
        server = LiveServer.start(dir, limits());
    }

    @AfterEach
    void stopServer() {
        clients.forEach(ModelClient::close);
        server.close();
    }

    /** A headless client signed in as this test-region user. */
    protected ModelClient signedIn(String username) throws Exception {
        ModelClient client = ModelClient.headless(username, server.port());
        clients.add(client);
        client.signIn();
        return client;
    }
}
