package org.beacon.client.app;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.beacon.client.model.ClientModel;
import org.beacon.client.net.Connection;
import org.beacon.client.ui.login.LoginDialog;
import org.beacon.client.ui.login.LoginErrors;
import org.beacon.client.ui.login.ServerAddress;
import org.beacon.client.ui.notify.ChimeDoorbell;
import org.beacon.client.ui.notify.Doorbell;
import org.beacon.protocol.Protocol;
import org.beacon.server.demo.DemoRegion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar beacon-client.jar [--server HOST:PORT | --demo]}.
 *
 * <p>{@code --server} (default {@code localhost:7400}) opens the sign-in dialog, then the main
 * window. {@code --demo} starts an embedded server with the demo region on a free port and opens
 * three desks side by side, signed in as gblue, ablack and cgray. The look-and-feel is installed
 * before any Swing component exists; every window is built on the event dispatch thread.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    static final List<String> DEMO_USERS = List.of("gblue", "ablack", "cgray");

    private Main() {
    }

    public static void main(String[] args) {
        String server = "localhost:" + Protocol.DEFAULT_PORT;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--server" -> {
                    if (i + 1 >= args.length) {
                        usage("--server needs HOST:PORT");
                        return;
                    }
                    server = args[++i];
                }
                case "--help", "-h" -> {
                    usage(null);
                    return;
                }
                default -> {
                    usage("unknown option " + args[i]);
                    return;
                }
            }
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("Beacon needs a display (set DISPLAY, or run under xvfb-run).");
            System.exit(2);
        }
        Theme.install();
        Doorbell doorbell = new ChimeDoorbell();
        if (demo) {
            runDemo(doorbell);
        } else {
            String initial = server;
            EventQueue.invokeLater(() -> showLogin(initial, doorbell));
        }
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println("usage: java -jar beacon-client.jar [--server HOST:PORT] | --demo");
        System.exit(problem == null ? 0 : 64);
    }

    static ClientModel newModel(ServerAddress address) {
        Connection connection = Connection.builder(address.host(), address.port()).build();
        return new ClientModel(connection, EventQueue::invokeLater, ClientModel.Options.forViews());
    }

    private static void showLogin(String server, Doorbell doorbell) {
        LoginDialog dialog = new LoginDialog(server, Main::newModel, (model, address) -> {
            Desk desk = new Desk(model, doorbell, Clock.systemUTC(), address.toString());
            desk.mainWindow().setLocationRelativeTo(null);
            desk.mainWindow().addWindowListener(exitOnClose(() -> { }));
            desk.show();
        }, () -> System.exit(0));
        dialog.setVisible(true);
    }

    /** Starts the embedded server and signs the three demo users in, off the EDT; then opens their desks. */
    private static void runDemo(Doorbell doorbell) {
        log.info("starting the demo server");
        EmbeddedServer server = EmbeddedServer.startDemo();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "beacon-demo-shutdown"));
        ServerAddress address = new ServerAddress(server.host(), server.port());
        log.info("demo server on {}", address);
        List<ClientModel> models = new ArrayList<>();
        List<CompletableFuture<?>> logins = new ArrayList<>();
        for (String user : DEMO_USERS) {
            ClientModel model = newModel(address);
            models.add(model);
            logins.add(model.signIn(user, DemoRegion.PASSWORD));
        }
        try {
            CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            System.err.println(LoginErrors.describe(e, address.toString()));
            server.close();
            System.exit(1);
        }
        EventQueue.invokeLater(() -> {
            Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            int width = Math.min(900, screen.width / models.size());
            int height = Math.min(720, screen.height);
            AtomicInteger open = new AtomicInteger(models.size());
            for (int i = 0; i < models.size(); i++) {
                Desk desk = new Desk(models.get(i), doorbell, Clock.systemUTC(), address + " (demo)");
                desk.mainWindow().setBounds(screen.x + i * width, screen.y, width, height);
                desk.mainWindow().addWindowListener(exitOnClose(() -> {
                    if (open.decrementAndGet() == 0) {
                        System.exit(0);
                    }
                }));
                desk.show();
            }
            new DemoConversation(models.get(0), models.get(1), List.of("ablack", "cgray")).play();
        });
    }

    private static java.awt.event.WindowListener exitOnClose(Runnable last) {
        return new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                last.run();
            }
        };
    }
}
