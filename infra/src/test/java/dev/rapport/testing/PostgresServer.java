package dev.rapport.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started from the machine's PostgreSQL binaries (Debian's
 * {@code postgresql} package; {@code .ci/run} installs it) in a temporary folder on a free port,
 * with password authentication. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} user the package creates.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "rapport";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final String password;
    private final boolean asPostgresUser;
    private final Map<String, String> settings;

    private PostgresServer(
            Path bin, Path dir, int port, String password, boolean asPostgresUser, Map<String, String> settings) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.password = password;
        this.asPostgresUser = asPostgresUser;
        this.settings = Map.copyOf(settings);
    }

    public static PostgresServer start(String database) throws Exception {
        return start(database, Map.of());
    }

    /**
     * Starts a server with extra server settings ({@code -c name=value}), e.g. {@code wal_level:
     * logical} for change data capture.
     */
    public static PostgresServer start(String database, Map<String, String> settings) throws Exception {
        Path bin = binaries()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found: "
                        + "install Debian's postgresql package (bash .ci/run does) or set RAPPORT_PG_BIN"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("rapport-pg");
        String password = "pw-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        PostgresServer server = new PostgresServer(bin, dir, ExternalProcess.freePort(), password, root, settings);
        server.initAndStart();
        server.createDatabase(database);
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return password;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    private void initAndStart() throws Exception {
        Path passwordFile = dir.resolve("pwfile");
        Files.writeString(passwordFile, password + "\n");
        if (asPostgresUser) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.setOwner(dir, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        ExternalProcess.run(
                command(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        USER,
                        "--pwfile=" + passwordFile,
                        "-A",
                        "scram-sha-256",
                        "-E",
                        "UTF8",
                        "--locale=C"),
                null);
        ExternalProcess.run(
                command(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1" + serverSettings(),
                        "-w",
                        "start"),
                null);
    }

    private String serverSettings() {
        StringBuilder options = new StringBuilder();
        settings.forEach(
                (name, value) -> options.append(" -c ").append(name).append('=').append(value));
        return options.toString();
    }

    private void createDatabase(String database) throws SQLException {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(args));
        return command;
    }

    private static Optional<Path> binaries() throws IOException {
        String configured = System.getenv("RAPPORT_PG_BIN");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))) {
                return Optional.of(Path.of(entry));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        try {
            ExternalProcess.run(
                    command(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), null);
        } finally {
            ExternalProcess.run(List.of("rm", "-rf", dir.toString()), null);
        }
    }
}
