package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = "Resolves source records into customers: identity.identity_map and identity.customer_profile.")
final class ResolveCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws Exception {
        return StageCommands.resolve(config.load(), Console.system(), cluster.target());
    }
}
