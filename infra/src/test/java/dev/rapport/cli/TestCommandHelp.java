package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's --help is complete: what it does, and what each option and parameter means. */
class TestCommandHelp {

    private final CommandLine root = new CommandLine(new RapportCommand());

    @Test
    void everyCommandSaysWhatItDoesAndEveryOptionWhatItMeans() {
        List<String> gaps = new ArrayList<>();
        for (CommandLine command : all(root)) {
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            if (String.join(" ", spec.usageMessage().description()).isBlank()) {
                gaps.add(name + ": no description");
            }
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                if (String.join(" ", option.description()).isBlank()) {
                    gaps.add(name + " " + option.longestName() + ": no description");
                }
            }
            for (ArgSpec parameter : spec.positionalParameters()) {
                if (String.join(" ", parameter.description()).isBlank()) {
                    gaps.add(name + " " + parameter.paramLabel() + ": no description");
                }
            }
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (OptionSpec option : spec.options()) {
                if (!option.hidden() && !usage.contains(option.longestName())) {
                    gaps.add(name + ": usage does not show " + option.longestName());
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void everyCommandHasAHelpOption() {
        for (CommandLine command : all(root)) {
            if (command.getCommandName().equals("help")) {
                continue;
            }
            assertThat(command.getCommandSpec().optionsMap())
                    .as(command.getCommandSpec().qualifiedName())
                    .containsKey("--help");
        }
    }

    @Test
    void theReadmeListsEveryCommand() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            assertThat(readme).as("README's command table").contains("`rapport " + command.getKey());
        }
    }

    private static List<CommandLine> all(CommandLine command) {
        List<CommandLine> commands = new ArrayList<>(List.of(command));
        for (CommandLine sub : command.getSubcommands().values()) {
            commands.addAll(all(sub));
        }
        return commands;
    }
}
