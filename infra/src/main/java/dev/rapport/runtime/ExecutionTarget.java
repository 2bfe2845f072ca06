package dev.rapport.runtime;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;

/**
 * Where Rapport's Flink jobs run: in this process (the embedded default), or on a running Flink
 * session cluster reached through its REST address, with the same jar and the same config.
 */
public record ExecutionTarget(Optional<String> host, int port) {

    public static ExecutionTarget embedded() {
        return new ExecutionTarget(Optional.empty(), 0);
    }

    /** {@code host:port} of the cluster's REST endpoint, e.g. {@code localhost:8081}. */
    public static ExecutionTarget cluster(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException(
                    "--cluster takes HOST:PORT of the Flink REST endpoint, got '" + address + "'");
        }
        try {
            return new ExecutionTarget(
                    Optional.of(address.substring(0, colon)), Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--cluster port must be a number, got '" + address + "'");
        }
    }

    public boolean isEmbedded() {
        return host.isEmpty();
    }

    /** Adds what the target needs to a job's configuration: for a cluster, its address and our jar. */
    public Configuration apply(Configuration conf) {
        if (host.isPresent()) {
            conf.set(DeploymentOptions.TARGET, "remote");
            conf.set(RestOptions.ADDRESS, host.get());
            conf.set(RestOptions.PORT, port);
            conf.set(PipelineOptions.JARS, List.of(jobJar().toUri().toString()));
        }
        return conf;
    }

    /** The jar holding Rapport's code; the cluster's classpath holds its dependencies. */
    private static Path jobJar() {
        try {
            return Path.of(ExecutionTarget.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate Rapport's jar", e);
        }
    }
}
