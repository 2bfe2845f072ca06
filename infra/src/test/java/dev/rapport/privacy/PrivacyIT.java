package dev.rapport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.cli.RapportCommand;
import dev.rapport.demo.Demo;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates a company, runs the pipeline, exports everything held on one person with several records
 * and events (the right of access), forgets them, then
 * reads every file of the warehouse (Parquet rows and footers, Avro manifests, metadata JSON, the
 * raw bytes of all) for their email, name and phone; checks that everyone else is intact, and that
 * ingesting the same exports again does not bring the person back.
 */
class PrivacyIT {

    @TempDir
    Path workdir;

    private Demo.Result demo;

    @Test
    void aForgottenPersonIsInNoFileAndStaysOut() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        demo = new Demo(workdir, 150, 11, 2, console).run();

        Person person = pickPerson();
        System.out.printf(
                "forget: customer with %d records, %d events, %d interactions by email%n",
                person.recordIds.size(), person.eventIds.size(), person.emailEvents);
        Map<String, Long> before = counts();
        Map<String, Long> expectedRemoved = expectedRemoved(person);
        assertThat(warehouseFindings(person.needles()))
                .as("the person is in the warehouse before")
                .isNotEmpty();

        Path export = workdir.resolve("subject.json");
        assertThat(RapportCommand.execute(
                        "export-subject",
                        "--config",
                        demo.configFile().toString(),
                        "--email",
                        person.email,
                        "--out",
                        export.toString()))
                .isZero();
        JsonNode exported = new ObjectMapper().readTree(export.toFile());
        assertThat(exported.at("/subject/customer_ids").toString()).isEqualTo("[\"" + person.customerId + "\"]");
        assertThat(exported.at("/tables/staging.customer_records").size()).isEqualTo(person.recordIds.size());
        assertThat(exported.at("/tables/identity.identity_map").size()).isEqualTo(person.recordIds.size());
        assertThat(exported.at("/tables/identity.customer_profile").size()).isEqualTo(1);
        assertThat(exported.at("/tables/metrics.customer_timeline").size()).isEqualTo(person.eventIds.size());
        assertThat((long) exported.at("/tables/staging.interactions").size())
                .isEqualTo(expectedRemoved.get(RapportTables.INTERACTIONS.qualifiedName()));
        assertThat(exported.at("/tables/identity.customer_profile/0/customer_id")
                        .asText())
                .isEqualTo(person.customerId);
        assertThat(exported.toString()).contains(person.email, person.fullName);

        int exit = RapportCommand.execute(
                "forget", "--config", demo.configFile().toString(), "--email", person.email.toUpperCase(Locale.ROOT));
        assertThat(exit).isZero();

        Map<String, Long> after = counts();
        for (Map.Entry<String, Long> expected : expectedRemoved.entrySet()) {
            assertThat(after.get(expected.getKey()))
                    .as("rows of %s after forget", expected.getKey())
                    .isEqualTo(before.get(expected.getKey()) - expected.getValue());
        }
        for (String table : before.keySet()) {
            if (!expectedRemoved.containsKey(table)
                    && !table.startsWith("metrics.")
                    && !table.equals(RapportTables.REJECTED.qualifiedName())
                    && !table.equals(RapportTables.SUPPRESSIONS.qualifiedName())
                    && !table.equals(RapportTables.IDENTITY_HISTORY.qualifiedName())
                    && !table.equals(RapportTables.MATCH_EVIDENCE.qualifiedName())
                    && !table.equals(RapportTables.MATCH_LINKS.qualifiedName())
                    && !table.equals(RapportTables.RESOLUTION_STATE.qualifiedName())) {
                assertThat(after.get(table))
                        .as("rows of %s after forget", table)
                        .isEqualTo(before.get(table));
            }
        }
        // what incremental resolution stored of the person's records (their links and blocks) goes too
        for (dev.rapport.schemas.table.TableDefinition table :
                List.of(RapportTables.MATCH_LINKS, RapportTables.RESOLUTION_STATE)) {
            assertThat(after.get(table.qualifiedName()))
                    .as("rows of %s after forget", table.qualifiedName())
                    .isLessThan(before.get(table.qualifiedName()));
        }
        List<String> findings = warehouseFindings(person.needles());
        System.out.println("forget: files holding the person after forget: " + findings);
        // A manifest's column bounds keep 16 characters of a file's smallest and largest values: the
        // person's 16-character email prefix may be there as the prefix of someone else's value.
        String prefix = person.email.length() > 16 ? person.email.substring(0, 16) : null;
        List<String> othersValues = prefix == null ? List.of() : liveValuesStartingWith(prefix, person.email);
        System.out.println(
                "forget: other live values with the person's 16-character email prefix: " + othersValues.size());
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding).endsWith("'" + prefix + "' (a current manifest or manifest list)");
            assertThat(othersValues)
                    .as("someone else's value explains " + finding)
                    .isNotEmpty();
        });
        assertThat(after.get(RapportTables.SUPPRESSIONS.qualifiedName())).isPositive();
        assertThat(rowsOf(RapportTables.SUPPRESSIONS))
                .allSatisfy(row -> assertThat(row.getField("suppression_hash").toString())
                        .matches("[0-9a-f]{64}")
                        .doesNotContain(person.email));

        IngestionReport again = new Pipeline(demo.config(), console).ingest();

        assertThat(again.total().suppressed())
                .as("records and events of the person skipped on re-ingest")
                .isGreaterThanOrEqualTo(person.recordIds.size() + person.emailEvents);
        assertThat(again.total().balanced()).isTrue();
        assertThat(count(RapportTables.CUSTOMER_RECORDS))
                .isEqualTo(after.get(RapportTables.CUSTOMER_RECORDS.qualifiedName()));
        assertThat(count(RapportTables.INTERACTIONS)).isEqualTo(after.get(RapportTables.INTERACTIONS.qualifiedName()));
        assertThat(rowsOf(RapportTables.CUSTOMER_RECORDS))
                .noneMatch(row -> person.recordIds.contains(row.getField("record_id")));
        assertThat(rowsOf(RapportTables.INTERACTIONS)).noneMatch(row -> person.email.equals(row.getField("email")));
        assertThat(rowsOf(RapportTables.INGESTION_RUNS))
                .anyMatch(row -> row.getField("suppressed") instanceof Long n && n > 0);
    }

    /** The customer the test forgets, and what identifies them. */
    private record Person(
            String customerId,
            String email,
            String fullName,
            String phone,
            Set<String> recordIds,
            Set<String> eventIds,
            Set<String> emailKeys,
            long emailEvents) {

        /** Strings unique to the person; an email longer than 16 characters also as the prefix kept in column bounds. */
        List<String> needles() {
            List<String> needles = new ArrayList<>(List.of(email, fullName, phone));
            if (email.length() > 16) {
                needles.add(email.substring(0, 16));
            }
            return needles;
        }
    }

    /**
     * A customer with several records, an email, a phone and events, whose email, full name and phone
     * no other customer has (so finding them anywhere means finding this person).
     */
    private Person pickPerson() throws IOException {
        Map<String, String> customerOf = new HashMap<>();
        Map<String, Set<String>> records = new HashMap<>();
        for (Record row : rowsOf(RapportTables.IDENTITY_MAP)) {
            customerOf.put((String) row.getField("record_id"), (String) row.getField("customer_id"));
            records.computeIfAbsent((String) row.getField("customer_id"), k -> new HashSet<>())
                    .add((String) row.getField("record_id"));
        }
        Map<String, Set<String>> owners = new HashMap<>();
        List<Record> customerRecords = rowsOf(RapportTables.CUSTOMER_RECORDS);
        for (Record row : customerRecords) {
            String customer = customerOf.get(row.getField("record_id"));
            for (String field : List.of("email", "full_name", "phone")) {
                if (row.getField(field) != null) {
                    owners.computeIfAbsent(row.getField(field).toString(), k -> new HashSet<>())
                            .add(customer);
                }
            }
        }
        Map<String, Set<String>> events = new HashMap<>();
        for (Record row : rowsOf(RapportTables.CUSTOMER_TIMELINE)) {
            events.computeIfAbsent((String) row.getField("customer_id"), k -> new HashSet<>())
                    .add((String) row.getField("event_id"));
        }
        List<Record> interactions = rowsOf(RapportTables.INTERACTIONS);
        Person chosen = null;
        for (Record row : customerRecords) {
            String customer = customerOf.get(row.getField("record_id"));
            String email = (String) row.getField("email");
            String name = (String) row.getField("full_name");
            String phone = (String) row.getField("phone");
            if (customer == null
                    || email == null
                    || name == null
                    || phone == null
                    || records.get(customer).size() < 2
                    || events.getOrDefault(customer, Set.of()).size() < 3
                    || owners.get(email).size() > 1
                    || owners.get(name).size() > 1
                    || owners.get(phone).size() > 1) {
                continue;
            }
            Set<String> keys = new HashSet<>();
            for (Record other : customerRecords) {
                if (records.get(customer).contains(other.getField("record_id"))
                        && other.getField("email_key") != null) {
                    keys.add((String) other.getField("email_key"));
                }
            }
            long byEmail = interactions.stream()
                    .filter(e -> keys.contains(e.getField("email_key")))
                    .count();
            if (chosen == null || byEmail > chosen.emailEvents) {
                chosen = new Person(
                        customer, email, name, phone, records.get(customer), events.get(customer), keys, byEmail);
            }
        }
        if (chosen == null) {
            throw new AssertionError("the generated company has no customer to forget");
        }
        return chosen;
    }

    /** Rows the forget must remove from the tables whose rows name a customer, record or event. */
    private Map<String, Long> expectedRemoved(Person person) throws IOException {
        Map<String, Long> removed = new TreeMap<>();
        removed.put(
                RapportTables.CUSTOMER_RECORDS.qualifiedName(),
                rowsOf(RapportTables.CUSTOMER_RECORDS).stream()
                        .filter(r -> person.recordIds.contains(r.getField("record_id")))
                        .count());
        removed.put(
                RapportTables.IDENTITY_MAP.qualifiedName(),
                rowsOf(RapportTables.IDENTITY_MAP).stream()
                        .filter(r -> person.customerId.equals(r.getField("customer_id")))
                        .count());
        removed.put(RapportTables.CUSTOMER_PROFILE.qualifiedName(), 1L);
        removed.put(RapportTables.CUSTOMER_TIMELINE.qualifiedName(), (long) person.eventIds.size());
        for (TableDefinition feed : List.of(RapportTables.PERSONALIZATION, RapportTables.SURVEY_INVITATIONS)) {
            removed.put(
                    feed.qualifiedName(),
                    rowsOf(feed).stream()
                            .filter(r -> person.customerId.equals(r.getField("customer_id")))
                            .count());
        }
        removed.put(
                RapportTables.INTERACTIONS.qualifiedName(),
                rowsOf(RapportTables.INTERACTIONS).stream()
                        .filter(r -> person.eventIds.contains(r.getField("event_id"))
                                || person.emailKeys.contains(r.getField("email_key")))
                        .count());
        return removed;
    }

    /**
     * Every file under the warehouse that holds any needle: in a Parquet file's rows, an Avro file's
     * values (manifest column bounds are bytes), or the raw bytes of any file (Parquet footers hold
     * min/max statistics uncompressed; metadata JSON).
     */
    private List<String> warehouseFindings(List<String> needles) throws IOException {
        Path warehouse = Path.of(demo.config().catalog().warehouse().replaceFirst("^file:", ""));
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                List<String> texts = new ArrayList<>();
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                if (name.endsWith(".parquet")) {
                    texts.add(parquetRows(file));
                } else if (name.endsWith(".avro")) {
                    texts.add(avroValues(file));
                }
                for (String needle : needles) {
                    String latin1 = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    for (String text : texts) {
                        if (text.contains(needle) || text.contains(latin1)) {
                            if (name.endsWith(".avro")) {
                                avroValues(file)
                                        .lines()
                                        .filter(line -> line.contains(needle))
                                        .forEach(line -> System.out.println("forget: " + name + ": " + line));
                            }
                            findings.add(warehouse.relativize(file) + " holds '" + needle + "'"
                                    + (currentFiles()
                                                    .contains(file.getFileName().toString())
                                            ? " (a current manifest or manifest list)"
                                            : ""));
                            break;
                        }
                    }
                }
            }
        }
        return findings;
    }

    /** String values of live rows, in any table, that start with the prefix and are not the person's. */
    private List<String> liveValuesStartingWith(String prefix, String personsValue) throws IOException {
        List<String> values = new ArrayList<>();
        for (TableDefinition definition : RapportTables.all()) {
            for (Record row : rowsOf(definition)) {
                for (org.apache.iceberg.types.Types.NestedField field :
                        row.struct().fields()) {
                    if (row.getField(field.name()) instanceof String value
                            && value.startsWith(prefix)
                            && !value.equals(personsValue)) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    /** File names of the manifests and manifest lists of every table's current snapshot. */
    private Set<String> currentFiles() throws IOException {
        Set<String> names = new HashSet<>();
        try (RapportCatalog catalog = new RapportCatalog(demo.config().catalog())) {
            for (TableDefinition definition : RapportTables.all()) {
                if (catalog.exists(definition) && catalog.load(definition).currentSnapshot() != null) {
                    org.apache.iceberg.Table table = catalog.load(definition);
                    names.add(Path.of(table.currentSnapshot().manifestListLocation())
                            .getFileName()
                            .toString());
                    table.currentSnapshot()
                            .allManifests(table.io())
                            .forEach(m ->
                                    names.add(Path.of(m.path()).getFileName().toString()));
                }
            }
        }
        return names;
    }

    private static String parquetRows(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ParquetReader<Group> reader = ParquetReader.builder(
                        new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(new Configuration())
                .build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                text.append(row).append('\n');
            }
        }
        return text.toString();
    }

    private static String avroValues(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            for (GenericRecord record : reader) {
                append(text, record);
            }
        }
        return text.toString();
    }

    /** Every value of an Avro file, one per line, after its field path (status, content, bounds...). */
    private static void append(StringBuilder text, Object value) {
        append(text, "", value);
    }

    private static void append(StringBuilder text, String path, Object value) {
        if (value instanceof GenericRecord record) {
            record.getSchema().getFields().forEach(f -> append(text, path + "/" + f.name(), record.get(f.pos())));
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> append(text, path + "[]", v));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> append(text, path + "[" + k + "]", v));
        } else if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            text.append(path)
                    .append(" = ")
                    .append(new String(raw, StandardCharsets.UTF_8))
                    .append('\n');
        } else if (value != null) {
            text.append(path).append(" = ").append(value).append('\n');
        }
    }

    private Map<String, Long> counts() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (TableDefinition table : RapportTables.all()) {
            counts.put(table.qualifiedName(), count(table));
        }
        return counts;
    }

    private long count(TableDefinition table) throws IOException {
        return rowsOf(table).size();
    }

    private List<Record> rowsOf(TableDefinition table) throws IOException {
        try (RapportCatalog catalog = new RapportCatalog(demo.config().catalog())) {
            if (!catalog.exists(table)) {
                return List.of();
            }
            try (CloseableIterable<Record> rows =
                    IcebergGenerics.read(catalog.load(table)).build()) {
                List<Record> all = new ArrayList<>();
                rows.forEach(r -> all.add(r.copy()));
                return all;
            }
        }
    }
}
