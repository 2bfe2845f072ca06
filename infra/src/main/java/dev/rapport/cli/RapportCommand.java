package dev.rapport.cli;

import dev.rapport.config.ConfigFileException;
import dev.rapport.runtime.JobFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rapport} command line. */
@Command(
        name = "rapport",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Rapport: a customer data platform with customer-experience management, on Flink and Iceberg.",
            "",
            "Start with 'rapport demo'; then point 'rapport run --config FILE' at your own rapport.yaml."
        },
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            ResolveCommand.class,
            MetricsCommand.class,
            FeedCommand.class,
            RunCommand.class,
            SqlCommand.class,
            MaintainCommand.class,
            BenchCommand.class,
            EvaluateCommand.class,
            QuarantineCommand.class,
            DocsCommand.class,
            AlertsCommand.class,
            LinkCommand.class,
            ExplainCommand.class,
            ReportCommand.class,
            ForgetCommand.class,
            ExportSubjectCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RapportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new RapportCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigFileException) {
                cmd.getErr().println("Configuration error: " + exception.getMessage());
                return ExitCodes.CONFIG;
            }
            if (exception instanceof JobFailedException || exception instanceof IllegalStateException) {
                cmd.getErr().println("Error: " + exception.getMessage());
                return ExitCodes.FAILED;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
