package dev.rapport.cli;

import dev.rapport.runtime.ExecutionTarget;
import picocli.CommandLine.Option;

/** {@code --cluster HOST:PORT}: run on a Flink session cluster instead of in this process. */
final class ClusterOption {

    @Option(
            names = "--cluster",
            paramLabel = "HOST:PORT",
            description = "REST address of a running Flink session cluster to run on (default: in this process). "
                    + "The cluster needs Rapport's classpath; see infra/local-cluster.")
    String address;

    ExecutionTarget target() {
        return address == null ? ExecutionTarget.embedded() : ExecutionTarget.cluster(address);
    }
}
