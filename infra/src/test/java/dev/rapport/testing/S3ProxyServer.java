package dev.rapport.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real S3 API for tests: s3proxy with its filesystem backend, as its own JVM (the jar is copied
 * into {@code target/cluster-tools} by the build), path-style, AWS v2/v4 signatures.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "rapport-test-access";

    private final Process process;
    private final Path baseDir;
    private final int port;
    private final String secretKey;

    private S3ProxyServer(Process process, Path baseDir, int port, String secretKey) {
        this.process = process;
        this.baseDir = baseDir;
        this.port = port;
        this.secretKey = secretKey;
    }

    /** Starts s3proxy with an (empty) bucket for each name given. */
    public static S3ProxyServer start(Path workDir, String... buckets) throws Exception {
        String jar = System.getProperty("rapport.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("s3proxy jar not found (system property rapport.s3proxy.jar = " + jar
                    + "); run the tests through Maven, which copies it into target/cluster-tools");
        }
        Path baseDir = Files.createDirectories(workDir.resolve("s3"));
        for (String bucket : buckets) {
            Files.createDirectories(baseDir.resolve(bucket));
        }
        int port = ExternalProcess.freePort();
        String secretKey = "secret-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        Path properties = workDir.resolve("s3proxy.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + secretKey,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + baseDir,
                        ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        List.of(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("s3proxy.log").toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, baseDir, port, secretKey);
        server.awaitReady(workDir.resolve("s3proxy.log"));
        return server;
    }

    private void awaitReady(Path log) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(endpoint()).toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return;
            } catch (IOException notYet) {
                process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("s3proxy did not start within 60 s: " + Files.readString(log));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Where the objects of a bucket are, on disk. */
    public Path bucketDir(String bucket) {
        return baseDir.resolve(bucket);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
