package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = "Resolves source records into customers: identity.identity_map and identity.customer_profile.")
final class ResolveCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @ArgGroup(exclusive = true)
    Mode mode;

    /** Overrides {@code identity.incremental} of the config for this run. */
    static final class Mode {
        @Option(
                names = "--incremental",
                description = "Match only the records new, updated or deleted since the previous resolution,"
                        + " against the existing customers, with the last estimated model; the result equals a"
                        + " full run's. Resolves everything when there is no previous run or the identity"
                        + " settings changed. Default: identity.incremental of the config (false).")
        boolean incremental;

        @Option(
                names = "--full",
                description = "Match every record again (and estimate the model again, unless"
                        + " identity.probabilistic.model is reuse), whatever identity.incremental says.")
        boolean full;
    }

    @Override
    public Integer call() throws Exception {
        RapportConfig loaded = config.load();
        boolean incremental = mode == null ? loaded.identity().incremental() : mode.incremental;
        return StageCommands.resolve(loaded, Console.system(), cluster.target(), incremental);
    }
}
