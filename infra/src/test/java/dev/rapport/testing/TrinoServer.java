package dev.rapport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Trino server for tests: the release tarball from Maven ({@code io.trino:trino-server}),
 * unpacked with {@code tar} and run as its own JVM on Java 24+ (Trino's minimum; the project
 * builds with 17) with the project's {@code infra/trino/etc} configuration. Queries go over
 * Trino's HTTP protocol ({@code POST /v1/statement}, then {@code nextUri} until the end).
 */
public final class TrinoServer implements AutoCloseable {

    public static final String JAVA_HOME_VARIABLE = "RAPPORT_TRINO_JAVA_HOME";
    private static final String USER = "rapport-test";

    private final Process process;
    private final URI uri;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private TrinoServer(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /**
     * Starts Trino with the configuration in {@code etc} (node.properties, jvm.config,
     * config.properties, catalog/), the catalog's {@code ${ENV:...}} values taken from {@code env}.
     */
    public static TrinoServer start(Path tarball, Path unpackDir, Path etc, Path workDir, Map<String, String> env)
            throws Exception {
        Path java = javaHome()
                .map(home -> home.resolve("bin/java"))
                .orElseThrow(() -> new IllegalStateException("Trino " + tarball.getFileName()
                        + " needs Java 24 or newer and none was found: install a JDK 24+ (e.g. Temurin 25) under"
                        + " /usr/lib/jvm or set " + JAVA_HOME_VARIABLE + " to its home"));
        Path home = unpack(tarball, unpackDir);
        int port = ExternalProcess.freePort();

        Path runEtc = Files.createDirectories(workDir.resolve("etc"));
        Path data = Files.createDirectories(workDir.resolve("data"));
        Files.createDirectories(runEtc.resolve("catalog"));
        try (Stream<Path> catalogs = Files.list(etc.resolve("catalog"))) {
            for (Path catalog : catalogs.toList()) {
                Files.copy(catalog, runEtc.resolve("catalog").resolve(catalog.getFileName()));
            }
        }
        Properties config = load(etc.resolve("config.properties"));
        config.setProperty("http-server.http.port", Integer.toString(port));
        config.setProperty("discovery.uri", "http://127.0.0.1:" + port);
        config.setProperty("plugin.dir", home.resolve("plugin").toString());
        config.setProperty("catalog.config-dir", runEtc.resolve("catalog").toString());
        Path configFile = runEtc.resolve("config.properties");
        try (var out = Files.newBufferedWriter(configFile)) {
            config.store(out, "written by TrinoServer from " + etc);
        }

        List<String> command = new ArrayList<>();
        command.add(java.toString());
        for (String line : Files.readAllLines(etc.resolve("jvm.config"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                command.add(line.trim());
            }
        }
        Properties node = load(etc.resolve("node.properties"));
        node.setProperty("node.data-dir", data.toString());
        node.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dconfig=" + configFile);
        command.add("-cp");
        command.add(home.resolve("lib") + "/*");
        command.add("io.trino.server.TrinoServer");

        Path log = workDir.resolve("trino.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        TrinoServer server = new TrinoServer(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            server.awaitReady(Duration.ofMinutes(4));
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The JDK that runs Trino: {@code RAPPORT_TRINO_JAVA_HOME}, else a JDK 24+ under /usr/lib/jvm. */
    static Optional<Path> javaHome() throws IOException {
        String configured = System.getenv(JAVA_HOME_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                throw new IllegalStateException(JAVA_HOME_VARIABLE + "=" + configured + " has no bin/java");
            }
            return Optional.of(home);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*\\b(2[4-9]|[3-9][0-9])\\b.*"))
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .sorted()
                    .findFirst();
        }
    }

    /** Unpacks once per folder; tar keeps the hard links that share jars between plugins. */
    private static Path unpack(Path tarball, Path dir) throws Exception {
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("Trino server tarball not found: " + tarball
                    + " (the infra build's pre-integration-test phase fetches it through Maven)");
        }
        String name = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        Path home = dir.resolve(name);
        Path marker = dir.resolve(name + ".unpacked");
        if (!Files.exists(marker)) {
            Files.createDirectories(dir);
            ExternalProcess.run(List.of("tar", "xzf", tarball.toString(), "-C", dir.toString()), null);
            Files.writeString(marker, tarball.toString());
        }
        return home;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited (" + process.exitValue() + "): see " + log);
            }
            try {
                HttpResponse<String> info = http.send(
                        HttpRequest.newBuilder(uri.resolve("/v1/info")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (info.statusCode() == 200
                        && !json.readTree(info.body()).path("starting").asBoolean(true)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Trino did not start within " + timeout + ": see " + log);
    }

    /** How long a query is retried while the scheduler has no active node yet. */
    private static final Duration NODE_WAIT = Duration.ofMinutes(2);

    /**
     * Runs one statement and returns its rows, every value as text (null stays null). Right after
     * start, and now and then on a loaded machine, the coordinator's scheduler briefly sees no
     * active node and fails a query with "No nodes available to run query" before running any of
     * it: such a query is retried (every second, for up to two minutes); any other error is thrown.
     */
    public List<List<String>> query(String sql) throws Exception {
        long deadline = System.nanoTime() + NODE_WAIT.toNanos();
        while (true) {
            try {
                return queryOnce(sql);
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("No nodes available") || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private List<List<String>> queryOnce(String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/v1/statement"))
                .header("X-Trino-User", USER)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        List<List<String>> rows = new ArrayList<>();
        JsonNode page = send(request, sql);
        while (true) {
            if (page.has("error")) {
                throw new IllegalStateException("Trino failed on '" + sql + "': "
                        + page.path("error").path("message").asText());
            }
            for (JsonNode row : page.path("data")) {
                List<String> values = new ArrayList<>();
                row.forEach(value -> values.add(value.isNull() ? null : value.asText()));
                rows.add(values);
            }
            if (!page.hasNonNull("nextUri")) {
                return rows;
            }
            page = send(
                    HttpRequest.newBuilder(URI.create(page.get("nextUri").asText()))
                            .header("X-Trino-User", USER)
                            .GET()
                            .build(),
                    sql);
        }
    }

    private JsonNode send(HttpRequest request, String sql) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Trino answered " + response.statusCode() + " to '" + sql + "': " + response.body());
        }
        return json.readTree(response.body());
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
