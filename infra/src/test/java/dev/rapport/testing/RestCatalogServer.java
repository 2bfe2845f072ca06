package dev.rapport.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Iceberg REST catalog for tests: Iceberg's reference server ({@code RESTCatalogServer}, the
 * one behind the {@code apache/iceberg-rest-fixture} image) as its own JVM, backed by a JDBC
 * catalog on SQLite and a warehouse folder. Clients reach it over HTTP only, as they would reach
 * Polaris, Nessie or Unity in production.
 */
public final class RestCatalogServer implements AutoCloseable {

    private static final String MAIN = "org.apache.iceberg.rest.RESTCatalogServer";

    private final Process process;
    private final int port;
    private final Path warehouse;

    private RestCatalogServer(Process process, int port, Path warehouse) {
        this.process = process;
        this.port = port;
        this.warehouse = warehouse;
    }

    /** Starts the server with its catalog database and warehouse under {@code workDir}. */
    public static RestCatalogServer start(Path workDir) throws Exception {
        Path warehouse = Files.createDirectories(workDir.resolve("rest-warehouse"));
        int port = ExternalProcess.freePort();
        Path log = workDir.resolve("rest-catalog.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), MAIN))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The server reads its catalog properties from CATALOG_* variables (CATALOG_REST_PORT is
        // rest.port, CATALOG_JDBC_SCHEMA__VERSION is jdbc.schema-version).
        Map<String, String> env = builder.environment();
        env.put("CATALOG_REST_PORT", Integer.toString(port));
        env.put(
                "CATALOG_URI",
                "jdbc:sqlite:" + workDir.resolve("rest-catalog.db").toAbsolutePath());
        env.put("CATALOG_WAREHOUSE", warehouse.toAbsolutePath().toString());
        RestCatalogServer server = new RestCatalogServer(builder.start(), port, warehouse);
        server.awaitReady(log);
        return server;
    }

    private void awaitReady(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the REST catalog exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(uri() + "v1/config").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the REST catalog did not start within 60 s: " + Files.readString(log));
    }

    /** The catalog's base URI, as a client's {@code uri} property. */
    public String uri() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The folder the server writes table data and metadata to. */
    public Path warehouse() {
        return warehouse;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
