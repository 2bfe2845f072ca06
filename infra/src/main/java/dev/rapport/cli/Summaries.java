package dev.rapport.cli;

import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.runtime.Console;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One-screen summaries of what each stage did. */
final class Summaries {

    private Summaries() {}

    static void ingestion(Console console, IngestionReport report) {
        console.line(String.format(
                Locale.ROOT, "  %-16s %10s %10s %12s %12s", "source", "read", "stored", "deduplicated", "quarantined"));
        for (Map.Entry<String, SourceCounts> entry : new TreeMap<>(report.sources()).entrySet()) {
            console.line(row(entry.getKey(), entry.getValue()));
        }
        console.line(row("total", report.total()));
        if (report.total().quarantined() > 0) {
            console.line("  quarantined records and their reasons: SELECT * FROM quarantine.rejected");
        }
        if (report.total().suppressed() > 0) {
            console.line("  suppressed: " + Console.count(report.total().suppressed())
                    + " record(s) of forgotten people skipped (rapport forget, ops.suppressions)");
        }
    }

    private static String row(String name, SourceCounts counts) {
        return String.format(
                Locale.ROOT,
                "  %-16s %10s %10s %12s %12s",
                name,
                Console.count(counts.read()),
                Console.count(counts.stored()),
                Console.count(counts.deduplicated()),
                Console.count(counts.quarantined()));
    }

    static void identity(Console console, IdentityReport report) {
        console.line(String.format(
                Locale.ROOT,
                "  %s run: %s records read, %s changed; %s of %s blocks linked (%s block entries)",
                report.mode(),
                Console.count(report.records()),
                Console.count(report.changedRecords()),
                Console.count(report.blocksLinked()),
                Console.count(report.blocks()),
                Console.count(report.blockEntriesLinked())));
        console.line(String.format(
                Locale.ROOT,
                "  %s source records -> %s customers; %s records matched to another; largest customer has %s records",
                Console.count(report.records()),
                Console.count(report.customers()),
                Console.count(report.matchedRecords()),
                Console.count(report.largestCluster())));
        if (report.deletedRecords() > 0) {
            console.line("  records their source deleted, left out: " + Console.count(report.deletedRecords()));
        }
        StringBuilder links = new StringBuilder("  links by rule:");
        new TreeMap<>(report.linksByRule())
                .forEach((rule, count) ->
                        links.append(' ').append(rule).append('=').append(Console.count(count)));
        console.line(links.toString());
        if (report.comparisons() > 0) {
            console.line("  probabilistic matching: " + Console.count(report.comparisons()) + " comparisons, "
                    + Console.count(report.candidatePairs()) + " distinct candidate pairs; "
                    + Console.count(report.candidateBlocksWindowed()) + " large candidate blocks compared in windows, "
                    + Console.count(report.candidateBlocksOverCap())
                    + " over probabilistic.max_block_size not compared");
        }
        StringBuilder sizes = new StringBuilder("  customers by records held:");
        for (IdentityReport.SizeClassCount sizeClass : report.clusterSizes()) {
            if (sizeClass.customers() > 0) {
                sizes.append(' ').append(sizeClass.sizes()).append('=').append(Console.count(sizeClass.customers()));
            }
        }
        console.line(sizes.toString());
        console.line("  links refused for joining conflicting birth dates or national ids: "
                + Console.count(report.refusedLinks()));
        if (report.oversizedLinks() > 0) {
            console.line("  links refused for making a customer larger than identity.max_cluster_size: "
                    + Console.count(report.oversizedLinks()));
        }
        if (report.blocksOverCap() > 0) {
            console.line("  identifiers shared by more records than max_block_size, left unlinked: "
                    + Console.count(report.blocksOverCap()));
        }
    }

    static void metrics(Console console, MetricsReport report) {
        console.line(String.format(
                Locale.ROOT,
                "  metrics.nps_daily: %s rows; %s NPS responses (%s promoters, %s passives, %s detractors); NPS %s",
                Console.count(report.rowsWritten()),
                Console.count(report.responses()),
                Console.count(report.promoters()),
                Console.count(report.passives()),
                Console.count(report.detractors()),
                report.nps().isPresent()
                        ? String.format(Locale.ROOT, "%.1f", report.nps().getAsDouble())
                        : "n/a"));
        for (Map.Entry<String, Long> table : report.tables().entrySet()) {
            if (!table.getKey().equals("metrics.nps_daily")) {
                console.line(
                        String.format(Locale.ROOT, "  %s: %s rows", table.getKey(), Console.count(table.getValue())));
            }
        }
        if (!report.tables().containsKey("metrics.customer_timeline")) {
            console.line("  metrics.customer_timeline: skipped; run resolve first");
        }
    }

    static void feed(Console console, dev.rapport.metrics.feed.FeedReport report) {
        console.line(String.format(
                Locale.ROOT,
                "  feeds.personalization: %s customers on %s; next best actions:%s",
                Console.count(report.customers()),
                report.asOf(),
                counts(report.actions())));
        console.line(String.format(
                Locale.ROOT,
                "  feeds.survey_invitations: %s invitations:%s",
                Console.count(report.invitationCount()),
                report.invitations().isEmpty() ? " none" : counts(report.invitations())));
        console.line(
                report.destinations().isEmpty()
                        ? "  exported to no destination (add feed.destinations to the config)"
                        : "  exported to: " + String.join(", ", report.destinations()));
    }

    private static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(counts)
                .forEach((name, count) ->
                        text.append(' ').append(name).append('=').append(Console.count(count)));
        return text.toString();
    }
}
