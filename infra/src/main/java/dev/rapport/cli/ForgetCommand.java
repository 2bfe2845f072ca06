package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.privacy.Forgetter;
import dev.rapport.privacy.SuppressionSalt;
import dev.rapport.runtime.Console;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "forget",
        mixinStandardHelpOptions = true,
        description = {
            "The right to be forgotten: removes one person from every table (staging,",
            "quarantine payloads naming their email, identity, metrics, feeds), rewrites",
            "the files that held them, expires every older snapshot and deletes",
            "unreferenced files, so that no file in the warehouse still holds them.",
            "Then records salted hashes of their email keys, record ids and customer ids",
            "in ops.suppressions; later ingests skip, and count as suppressed, whatever",
            "matches them.",
            "",
            "Needs " + SuppressionSalt.VARIABLE + " (16+ characters, the same for every run).",
            "Run it while no job writes. See docs/privacy.md: what is removed, what stays."
        })
final class ForgetCommand implements Callable<Integer> {

    private static final DateTimeFormatter REQUEST_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    ConfigOption config;

    @ArgGroup(multiplicity = "1")
    PersonOption person;

    @Override
    public Integer call() {
        RapportConfig loaded = config.load();
        String salt;
        try {
            salt = SuppressionSalt.from(System.getenv());
        } catch (IllegalStateException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Console console = Console.system();
        Instant start = Instant.now();
        String requestId = "forget-" + REQUEST_ID.format(start);
        console.line(
                "Forgetting " + (person.email != null ? "the person with that email" : "customer " + person.customer)
                        + " (" + requestId + ")");
        Forgetter.Result result;
        try {
            result = new Forgetter(loaded.catalog(), salt, console)
                    .forget(
                            finder -> person.email != null
                                    ? finder.byEmail(person.email)
                                    : finder.byCustomer(person.customer),
                            requestId);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        console.line("");
        console.line(
                "  records " + result.records() + ", customers " + result.customers() + ", events " + result.events());
        console.line("  rows removed        " + Console.count(result.totalRowsRemoved()) + " in "
                + result.rowsRemoved().size() + " table(s); " + result.tablesRewritten() + " table(s) rewritten");
        console.line("  snapshots expired   " + result.snapshotsExpired() + "; orphan files deleted "
                + result.orphanFilesDeleted());
        console.line("  suppressions added  " + result.suppressionsRecorded() + " (ops.suppressions, salted hashes)");
        console.line("  done in " + Console.seconds(Duration.between(start, Instant.now())));
        if (result.records() == 0 && result.events() == 0) {
            console.line("  nothing was held on this person; later ingests will still skip them");
        }
        return ExitCodes.OK;
    }
}
