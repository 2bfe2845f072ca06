package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.feed.function.ConsentAllowsFunction;
import dev.rapport.metrics.feed.function.CustomerSegmentsFunction;
import dev.rapport.metrics.feed.function.NextBestActionFunction;
import dev.rapport.metrics.feed.function.SaltedHashFunction;
import dev.rapport.metrics.statement.TableResults;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.FlinkSqlCatalog;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.FlinkConfigOptions;

/**
 * {@code rapport feed}: computes {@code feeds.personalization} and {@code feeds.survey_invitations}
 * from the metric and identity tables (one Flink batch job), then exports the personalization feed
 * to every configured destination (a second job). The as-of day is the given one, else the UTC day
 * of the latest interaction in {@code staging.interactions} that is not deleted ({@code deleted_at}
 * null), so a rerun on the same data writes the same rows.
 */
public final class FeedJob {

    /** The tables the feed reads, written by {@code rapport resolve} and {@code rapport metrics}. */
    static final List<String> INPUTS = List.of(
            "identity.customer_profile",
            "metrics.customer_timeline",
            "metrics.support_sla",
            "metrics.customer_rfm",
            "metrics.customer_health",
            "metrics.customer_consent");

    private final CatalogConfig catalog;
    private final FeedConfig config;
    private final Optional<LocalDate> asOf;

    public FeedJob(CatalogConfig catalog, FeedConfig config, Optional<LocalDate> asOf) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.config = requireNonNull(config, "config is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    public FeedReport run(int parallelism, Configuration settings) {
        Configuration configuration = new Configuration(settings);
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(configuration)
                .build());
        return run(tableEnv);
    }

    public FeedReport run(TableEnvironment tableEnv) {
        long started = System.nanoTime();
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            for (String input : INPUTS) {
                if (!rapport.catalog().tableExists(TableIdentifier.parse(input))) {
                    throw new IllegalStateException(
                            input + " does not exist; run rapport resolve and rapport metrics before rapport feed");
                }
            }
            rapport.ensure(RapportTables.PERSONALIZATION);
            rapport.ensure(RapportTables.SURVEY_INVITATIONS);
        }
        tableEnv.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        tableEnv.getConfig().set(FlinkConfigOptions.TABLE_EXEC_ICEBERG_USE_V2_SINK, true);
        FlinkSqlCatalog.register(tableEnv, catalog);
        tableEnv.createTemporarySystemFunction(
                "rapport_next_best_action", new NextBestActionFunction(config.nextBestActionRule()));
        tableEnv.createTemporarySystemFunction("rapport_customer_segments", new CustomerSegmentsFunction());
        tableEnv.createTemporarySystemFunction(
                "rapport_consent_allows", new ConsentAllowsFunction(config.requireExplicitConsent()));
        config.salt()
                .ifPresent(salt ->
                        tableEnv.createTemporarySystemFunction("rapport_salted_hash", new SaltedHashFunction(salt)));

        LocalDate day = asOf.orElseGet(() -> latestInteractionDay(tableEnv));
        FeedStatements statements = new FeedStatements(config, day);
        StatementSet compute = tableEnv.createStatementSet();
        compute.addInsertSql(statements.personalization());
        compute.addInsertSql(statements.surveyInvitations());
        TableResults.await(compute.execute(), "feed job");

        List<String> exported = new ArrayList<>();
        if (!config.destinations().isEmpty()) {
            // In this process, S3 destinations are written to a local folder, then uploaded.
            boolean inProcess = !"remote".equals(tableEnv.getConfig().get(DeploymentOptions.TARGET));
            Map<FeedDestination, Path> staged = new java.util.LinkedHashMap<>();
            StatementSet export = tableEnv.createStatementSet();
            for (FeedDestination destination : config.destinations()) {
                FeedDestination sink = destination;
                if (inProcess && destination.onS3()) {
                    Path folder = staging(destination);
                    staged.put(destination, folder);
                    sink = new FeedDestination(
                            destination.name(),
                            destination.format(),
                            folder.toUri().toString(),
                            null,
                            null,
                            destination.pii());
                }
                tableEnv.executeSql(FeedExports.createSink(sink));
                export.addInsertSql(FeedExports.insert(sink));
                exported.add(destination.name());
            }
            TableResults.await(export.execute(), "feed job");
            staged.forEach((destination, folder) -> {
                S3FeedPublisher.publish(folder, destination);
                deleteQuietly(folder);
            });
        }

        Map<String, Long> actions = counts(
                tableEnv, "SELECT next_best_action, COUNT(*) FROM feeds.personalization GROUP BY next_best_action");
        Map<String, Long> invitations = counts(
                tableEnv,
                "SELECT survey_type, COUNT(*) FROM feeds.survey_invitations WHERE as_of = DATE '" + day
                        + "' GROUP BY survey_type");
        long customers = actions.values().stream().mapToLong(Long::longValue).sum();
        return new FeedReport(
                day, customers, actions, invitations, exported, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Path staging(FeedDestination destination) {
        try {
            return Files.createTempDirectory("rapport-feed-" + destination.name() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a local folder for the feed's S3 upload", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static LocalDate latestInteractionDay(TableEnvironment tableEnv) {
        List<Row> rows = TableResults.collect(
                // a deleted event counts in no metric, so it does not move the feed's day either
                tableEnv.executeSql("SELECT CAST(MAX(event_time) AS DATE) AS latest FROM staging.interactions"
                        + " WHERE deleted_at IS NULL"),
                "the latest interaction's day");
        Object latest = rows.isEmpty() ? null : rows.get(0).getField(0);
        if (latest == null) {
            throw new IllegalStateException(
                    "staging.interactions has no event that is not deleted; ingest before rapport feed");
        }
        return (LocalDate) latest;
    }

    private static Map<String, Long> counts(TableEnvironment tableEnv, String query) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : TableResults.collect(tableEnv.executeSql(query), "the feed's counts")) {
            counts.put((String) row.getField(0), ((Number) row.getField(1)).longValue());
        }
        return counts;
    }
}
