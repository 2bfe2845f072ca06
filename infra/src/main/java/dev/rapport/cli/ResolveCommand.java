package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
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

    @Option(
            names = "--incremental",
            description = "Match only the records new, updated or deleted since the previous resolution, against"
                    + " the existing customers, with the last estimated model; the result equals a full run's."
                    + " Resolves everything when there is no previous run or the identity settings changed.")
    boolean incremental;

    @Override
    public Integer call() throws Exception {
        return StageCommands.resolve(config.load(), Console.system(), cluster.target(), incremental);
    }
}
