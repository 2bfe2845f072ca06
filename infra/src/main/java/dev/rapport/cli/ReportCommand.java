package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.metrics.nps.NpsAggregate;
import dev.rapport.report.Html;
import dev.rapport.report.ReportData;
import dev.rapport.report.ReportFile;
import dev.rapport.report.ReportPage;
import dev.rapport.report.ReportReader;
import dev.rapport.runtime.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes one self-contained HTML page to look at, about customer experience and",
            "data health: the NPS trend with its 95%% confidence band, NPS by channel and",
            "touchpoint, CSAT and CES, support SLA compliance, the email funnel, what",
            "detractors talk about per language, identity health (sources, records,",
            "customers, match rate, cluster sizes, ingestion), the funnel with time between",
            "stages (metrics.stage_transitions) and the customers most at risk",
            "(metrics.customer_health). A section whose table is missing says so.",
            "The page needs no network: styles, SVG charts and a small script are inline.",
            "Run it after 'rapport run' (or 'rapport metrics').",
            "Example: rapport report --config rapport-demo/rapport.yaml --out report.html"
        })
final class ReportCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(
            names = {"-o", "--out"},
            defaultValue = "report.html",
            paramLabel = "FILE",
            description = "HTML file to write; its folder is created (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        RapportConfig loaded = config.load();
        Console console = Console.system();
        ReportFile.Written written = ReportFile.write(loaded.catalog(), loaded.parallelism(), out, console);
        console.line("");
        summary(console, written);
        return ExitCodes.OK;
    }

    /** The one-screen summary of a written report (also shown by the demo). */
    static void summary(Console console, ReportFile.Written written) {
        ReportData data = written.data();
        ReportPage page = written.page();
        Path target = written.file();
        Duration took = written.took();
        long bytes = written.bytes();
        console.line("Report written to " + target + " (" + Console.count((bytes + 1023) / 1024) + " KB) in "
                + Console.seconds(took));
        Optional<NpsAggregate> nps = page.overallNps();
        console.line("  NPS "
                + nps.map(n -> Html.signed(n.nps().orElseThrow()) + " from " + Console.count(n.responses())
                                + " answers")
                        .orElse("n/a (no answers)"));
        console.line("  customers " + Console.count(data.identity().customers()) + " from "
                + Console.count(data.identity().records()) + " records of "
                + data.identity().sources().size()
                + " sources; match rate " + Html.percent(data.identity().matchRate()) + ", largest cluster "
                + data.identity().largestCluster());
        List<String> missing = new ArrayList<>();
        if (data.transitions().isEmpty()) {
            missing.add("funnel (" + ReportReader.STAGE_TRANSITIONS + ")");
        }
        if (data.health().isEmpty()) {
            missing.add("customers at risk (" + ReportReader.CUSTOMER_HEALTH + ")");
        }
        console.line("  sections: " + ReportPage.SECTIONS.size()
                + (missing.isEmpty() ? "" : "; not computed yet: " + String.join(", ", missing)));
        console.line("  open it in a browser: file://" + target);
    }
}
