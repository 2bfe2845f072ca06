package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.job.IdentityReport;
import dev.rapport.runtime.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSummaries {

    @Test
    void theIdentitySummaryShowsTheClusterSizesAndTheRefusedLinks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        IdentityReport report = new IdentityReport(
                IdentityReport.FULL,
                12,
                12,
                0,
                0,
                0,
                7,
                Map.of("email", 3L),
                4,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                7,
                List.of(
                        new IdentityReport.SizeClassCount("1", 5, 5),
                        new IdentityReport.SizeClassCount("2", 1, 2),
                        new IdentityReport.SizeClassCount("3-5", 1, 4),
                        new IdentityReport.SizeClassCount("6-10", 0, 0)),
                2,
                0,
                0);

        Summaries.identity(console, report);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("largest customer has 4 records")
                .contains("customers by records held: 1=5 2=1 3-5=1\n")
                .contains("links refused for joining conflicting birth dates or national ids: 2");
    }
}
