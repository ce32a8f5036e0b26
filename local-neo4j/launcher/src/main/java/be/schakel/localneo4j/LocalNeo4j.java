package be.schakel.localneo4j;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Schakel's managed local Neo4j: Neo4j Community through the embedded API, reachable over Bolt on
 * the loopback interface only.
 *
 * <p>Protocol with the Node manager (local-neo4j/manager.ts), which reads this process's stdout:
 * exactly one line {@code SCHAKEL_NEO4J_READY bolt://127.0.0.1:PORT} once the default database
 * accepts queries, or {@code SCHAKEL_NEO4J_ERROR <kind>: <message>} followed by a non-zero exit.
 * The kinds ({@code port-in-use}, {@code store-locked}, {@code bad-arguments}, {@code startup-failed})
 * let the manager turn failures into actionable messages without parsing Java stack traces.
 *
 * <p>Auth is off on purpose: the listener binds 127.0.0.1 only, so only the logged-in user's own
 * processes can reach it (the same trust level as the database files on disk).
 */
public final class LocalNeo4j {
    private static final String READY = "SCHAKEL_NEO4J_READY";
    private static final String ERROR = "SCHAKEL_NEO4J_ERROR";
    private static final String LOOPBACK = "127.0.0.1";

    private LocalNeo4j() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail("bad-arguments", e.getMessage(), 2);
            return;
        }

        // Read from the environment, not the command line, so the password never shows in a process list.
        String authPassword = System.getenv("SCHAKEL_NEO4J_AUTH_PASSWORD");
        boolean authEnabled = authPassword != null && !authPassword.isEmpty();
        if (authEnabled && authPassword.length() < 8) {
            fail("bad-arguments", "SCHAKEL_NEO4J_AUTH_PASSWORD must be at least 8 characters (a Neo4j rule)", 2);
            return;
        }

        DatabaseManagementService managementService;
        try {
            Files.createDirectories(options.home);
            managementService = new DatabaseManagementServiceBuilder(options.home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, options.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, options.port))
                    .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
                    // Offline police workstation: never phone home.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                    .build();
        } catch (Throwable e) {
            classifyAndFail(e, options);
            return;
        }

        // Registered right after build() so SIGTERM/SIGINT from the manager flushes and closes the store
        // cleanly; without it the next start would have to run recovery.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                managementService.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "schakel-neo4j-shutdown"));

        try {
            GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
                fail("startup-failed", "the default database did not become available within 5 minutes; see logs/debug.log in " + options.home, 1);
                return;
            }
            // A trivial read proves the database answers queries, not just that it reports itself available.
            db.executeTransactionally("RETURN 1");
            if (authEnabled) {
                // Embedded calls run with full rights, so the password can be set (or reset) at every start.
                managementService.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", authPassword));
            }
        } catch (Throwable e) {
            classifyAndFail(e, options);
            return;
        }

        System.out.println(READY + " bolt://" + LOOPBACK + ":" + options.port);
        System.out.flush();

        // Neo4j's own threads keep the JVM alive; this just parks main until the shutdown hook has run.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void classifyAndFail(Throwable error, Options options) {
        String chain = describeChain(error);
        String lower = chain.toLowerCase();
        if (hasCause(error, BindException.class) || lower.contains("address already in use")) {
            fail("port-in-use", "port " + options.port + " on " + LOOPBACK + " is already in use (" + chain + ")", 1);
        } else if (lower.contains("lock") && (lower.contains("store") || lower.contains("locked"))) {
            fail("store-locked", "the database in " + options.home + " is locked by another running process (" + chain + ")", 1);
        } else {
            fail("startup-failed", chain + "; see logs/debug.log in " + options.home, 1);
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** One line with every distinct message in the cause chain: enough to diagnose, no stack trace. */
    private static String describeChain(Throwable error) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 8; t = t.getCause(), depth++) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            message = message.replaceAll("\\s+", " ").trim();
            if (out.indexOf(message) < 0) {
                if (out.length() > 0) {
                    out.append(" <- ");
                }
                out.append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }

    private static void fail(String kind, String message, int exitCode) {
        System.out.println(ERROR + " " + kind + ": " + message.replaceAll("[\\r\\n]+", " "));
        System.out.flush();
        // halt, not exit: a half-started DBMS may hold non-daemon threads or hooks that would block exit.
        Runtime.getRuntime().halt(exitCode);
    }

    /** Command line: --home DIR --port N [--page-cache 512m]. */
    static final class Options {
        final Path home;
        final int port;
        final long pageCacheBytes;

        private Options(Path home, int port, long pageCacheBytes) {
            this.home = home;
            this.port = port;
            this.pageCacheBytes = pageCacheBytes;
        }

        static Options parse(String[] args) {
            Path home = null;
            Integer port = null;
            long pageCache = ByteUnit.parse("512m");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--home" -> home = Path.of(value).toAbsolutePath();
                    case "--port" -> port = parsePort(value);
                    case "--page-cache" -> pageCache = parseSize(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + " (expected --home, --port, --page-cache)");
                }
            }
            if (home == null || port == null) {
                throw new IllegalArgumentException("usage: --home DIR --port N [--page-cache 512m]");
            }
            return new Options(home, port, pageCache);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number between 1 and 65535, got " + value);
            }
        }

        private static long parseSize(String value) {
            try {
                return ByteUnit.parse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--page-cache must be a size such as 512m or 2g, got " + value);
            }
        }
    }
}
