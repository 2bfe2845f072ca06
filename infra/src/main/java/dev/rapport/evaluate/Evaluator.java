package dev.rapport.evaluate;

import static java.util.Objects.requireNonNull;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.identity.job.IdentityReport;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Scores the resolver against known truth: each data set goes through the real pipeline in
 * embedded mode (ingestion with a mapping into {@code staging.customer_records}, then the identity
 * job) in a catalog of its own, and {@code identity.identity_map} is compared with the truth.
 */
public final class Evaluator {

    private final Path datasets;
    private final Path workdir;
    private final EvaluationSettings settings;
    private final Console console;

    public Evaluator(Path datasets, Path workdir, EvaluationSettings settings, Console console) {
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.workdir = requireNonNull(workdir, "workdir is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.console = requireNonNull(console, "console is null");
    }

    public Evaluation evaluate(EvaluationDataset dataset) throws Exception {
        Instant start = Instant.now();
        Path folder = workdir.resolve(dataset.name());
        Files.createDirectories(folder);
        PreparedDataset prepared = dataset.prepare(datasets, folder, settings);
        RapportConfig config = RapportConfigLoader.load(prepared.configFile());
        Pipeline pipeline = new Pipeline(config, console);
        pipeline.ingest();
        IdentityReport identity = pipeline.resolve();
        Map<String, String> predicted = customers(config);

        Set<String> customerSources = config.sources().stream()
                .filter(source -> source.kind() == SourceKind.CUSTOMER)
                .map(SourceConfig::name)
                .collect(Collectors.toSet());
        Map<String, String> truth = new HashMap<>();
        long notStaged = 0;
        for (Map.Entry<String, String> record : prepared.truth().entrySet()) {
            String source = record.getKey().substring(0, record.getKey().indexOf('\u0000'));
            if (!customerSources.contains(source)) {
                continue;
            }
            if (predicted.containsKey(record.getKey())) {
                truth.put(record.getKey(), record.getValue());
            } else {
                notStaged++;
            }
        }
        SharedContactMerges.Counter households = new SharedContactMerges.Counter();
        SharedContactMerges.Counter mailboxes = new SharedContactMerges.Counter();
        countSharedContacts(config, truth, predicted, households, mailboxes);
        return new Evaluation(
                dataset.name(),
                ClusterScores.score(truth, predicted),
                identity,
                notStaged,
                households.result(),
                mailboxes.result(),
                Duration.between(start, Instant.now()));
    }

    /**
     * Feeds the scored records' addresses (street and city, folded) and shared mailboxes (email
     * keys whose local part is a generic mailbox of the config) to the counters.
     */
    private static void countSharedContacts(
            RapportConfig config,
            Map<String, String> truth,
            Map<String, String> predicted,
            SharedContactMerges.Counter households,
            SharedContactMerges.Counter mailboxes) {
        try (RapportCatalog catalog = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(catalog.load(RapportTables.CUSTOMER_RECORDS))
                        .select("source", "source_id", "email_key", "street", "city")
                        .build()) {
            for (Record row : rows) {
                String key = PreparedDataset.key((String) row.getField("source"), (String) row.getField("source_id"));
                String entity = truth.get(key);
                if (entity == null) {
                    continue;
                }
                String customer = predicted.get(key);
                String street = fold((String) row.getField("street"));
                String city = fold((String) row.getField("city"));
                households.add(entity, customer, street.isEmpty() || city.isEmpty() ? null : street + "|" + city);
                String email = (String) row.getField("email_key");
                int at = email == null ? -1 : email.lastIndexOf('@');
                boolean shared = at > 0 && config.identity().isGenericMailbox(email.substring(0, at));
                mailboxes.add(entity, customer, shared ? email : null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fold(String value) {
        return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static Map<String, String> customers(RapportConfig config) {
        Map<String, String> customers = new HashMap<>();
        try (RapportCatalog catalog = new RapportCatalog(config.catalog());
                CloseableIterable<Record> rows = IcebergGenerics.read(catalog.load(RapportTables.IDENTITY_MAP))
                        .select("source", "source_id", "customer_id")
                        .build()) {
            for (Record row : rows) {
                customers.put(
                        PreparedDataset.key((String) row.getField("source"), (String) row.getField("source_id")),
                        (String) row.getField("customer_id"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return customers;
    }

    /** The data sets {@code rapport evaluate} knows, in the order it runs them. */
    public static java.util.List<EvaluationDataset> knownDatasets() {
        return java.util.List.of(
                new FebrlDataset("febrl1", "dataset1.csv"),
                new FebrlDataset("febrl2", "dataset2.csv"),
                new FakeThousandDataset(),
                new SenzingDataset(),
                new GeneratedCompanyDataset());
    }
}
