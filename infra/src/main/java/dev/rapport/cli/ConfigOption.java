package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every stage command takes. */
final class ConfigOption {

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "rapport.yaml to use (relative paths in it resolve against its folder).")
    Path file;

    RapportConfig load() {
        return RapportConfigLoader.load(file);
    }
}
