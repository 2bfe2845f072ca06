package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, deterministic malformed input: truncated rows, extra and missing columns, invalid JSON,
 * raw control characters, bad dates and numbers, bytes in the wrong encoding and huge fields, mixed
 * with good records and retries. Every good record is stored, every bad one is quarantined at its
 * file:line with a code and a reason, and read = stored + deduplicated + quarantined.
 */
class MalformedInputFuzzIT {

    private static final long SEED = 20261123L;
    private static final int RECORDS = 300;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path dir;

    /** What the generator wrote: good keys in order (with retries) and the locations of bad records. */
    private record Expected(List<String> goodKeys, Set<String> badLocations) {}

    @Test
    void everyGoodRecordIsStoredAndEveryBadOneQuarantinedWithItsLocation() throws Exception {
        Random random = new Random(SEED);
        Expected customers = writeCustomers(random, dir.resolve("customers.csv"));
        Expected events = writeEvents(random, dir.resolve("events.jsonl"));
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));

        IngestionReport report = JobRuns.batch(catalog, List.of(customerSource(), eventSource()), "fuzz", 2);

        assertCounts(report.source("crm"), customers);
        assertCounts(report.source("shop"), events);
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            assertThat(JobRuns.rows(tables, RapportTables.CUSTOMER_RECORDS, r -> (String) r.getField("source_id"))
                            .keySet())
                    .containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(customers.goodKeys()));
            assertThat(JobRuns.rows(tables, RapportTables.INTERACTIONS, r -> (String) r.getField("source_event_id"))
                            .keySet())
                    .containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(events.goodKeys()));
            Map<String, Record> rejected =
                    JobRuns.rows(tables, RapportTables.REJECTED, r -> (String) r.getField("location"));
            Set<String> bad = new LinkedHashSet<>(customers.badLocations());
            bad.addAll(events.badLocations());
            assertThat(rejected.keySet()).containsExactlyInAnyOrderElementsOf(bad);
            for (Record reject : rejected.values()) {
                assertThat((String) reject.getField("error_code")).isNotBlank();
                assertThat((String) reject.getField("message")).isNotBlank();
            }
        }
    }

    private static void assertCounts(SourceCounts counts, Expected expected) {
        long distinct = new LinkedHashSet<>(expected.goodKeys()).size();
        assertThat(counts)
                .isEqualTo(new SourceCounts(
                        RECORDS,
                        distinct,
                        expected.goodKeys().size() - distinct,
                        expected.badLocations().size()));
        assertThat(counts.balanced()).isTrue();
    }

    private static Expected writeCustomers(Random random, Path file) throws Exception {
        StringBuilder csv = new StringBuilder("id,first_name,last_name,email,birth_date\n");
        List<String> good = new ArrayList<>();
        Set<String> bad = new LinkedHashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            int line = i + 2;
            String id = retryOrNew(random, good, "c", i);
            String birth = String.format(
                    "19%02d-%02d-%02d", 50 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String row = id + ",Ana" + i + ",Petrović,ana" + i + "@example.com," + birth;
            if (random.nextInt(10) < 3) {
                row = switch (random.nextInt(5)) {
                    case 0 -> row.substring(0, row.lastIndexOf(',')); // truncated: a field short
                    case 1 -> row + ",surplus"; // an extra column
                    case 2 -> id + ",Ana,Petrović,ana@example.com,1985-02-30"; // no such date
                    case 3 -> id + ",Ana,Petrović,ana@example.com,15.03.1985"; // wrong date format
                    default -> ",Ana,Petrović,ana@example.com," + birth; // the id is missing
                };
                bad.add("customers.csv:" + line);
            } else {
                good.add(id);
            }
            csv.append(row).append('\n');
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return new Expected(good, bad);
    }

    private static Expected writeEvents(Random random, Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> good = new ArrayList<>();
        Set<String> bad = new LinkedHashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            int line = i + 1;
            String id = retryOrNew(random, good, "e", i);
            String time = String.format(
                    "2024-%02d-%02dT%02d:15:00Z", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24));
            String amount = random.nextInt(10_000) + "." + String.format("%02d", random.nextInt(100));
            String goodLine = "{\"id\":\"" + id + "\",\"type\":\"order\",\"time\":\"" + time + "\",\"amount\":\""
                    + amount + "\",\"currency\":\"EUR\",\"comment\":\"fine\",\"unknown_extra\":[1,2]}";
            byte[] bytes;
            int kind = random.nextInt(20);
            if (kind < 6) {
                String badLine =
                        switch (kind) {
                            case 0 -> goodLine.substring(0, 1 + random.nextInt(goodLine.length() - 2)); // truncated
                            case 1 ->
                                goodLine.replace("\"fine\"", "\"bell\u0007and\u0001nul\""); // raw control characters
                            case 2 -> goodLine.replace(time, "2024-13-45T99:00:00Z"); // no such time
                            case 3 -> goodLine.replace(amount, "12,3x"); // not a number
                            case 4 -> goodLine.replace("\"id\":\"" + id + "\",", ""); // the event id is missing
                            default -> "[\"not\", \"an object\"]";
                        };
                bytes = badLine.getBytes(StandardCharsets.UTF_8);
                bad.add("events.jsonl:" + line);
            } else if (kind == 6) {
                // windows-1252 bytes in a free-text field: read as replacement characters, still stored
                bytes = goodLine.replace("fine", "café crème")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252"));
                good.add(id);
            } else if (kind == 7) {
                bytes = goodLine.replace("fine", "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8); // a huge field
                good.add(id);
            } else {
                bytes = goodLine.getBytes(StandardCharsets.UTF_8);
                good.add(id);
            }
            out.write(bytes);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
        return new Expected(good, bad);
    }

    /** Now and then a retry of an earlier good key (the later line wins); otherwise a new key. */
    private static String retryOrNew(Random random, List<String> good, String prefix, int i) {
        if (!good.isEmpty() && random.nextInt(10) == 0) {
            return good.get(random.nextInt(good.size()));
        }
        return prefix + i;
    }

    private SourceConfig customerSource() {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_id", "id");
        mapping.put("first_name", "first_name");
        mapping.put("last_name", "last_name");
        mapping.put("email", "email");
        mapping.put("birth_date", Map.of("column", "birth_date", "format", "yyyy-MM-dd"));
        return source("crm", "customer", "csv", "customers.csv", mapping);
    }

    private SourceConfig eventSource() {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_event_id", "id");
        mapping.put("event_type", "type");
        mapping.put("event_time", "time");
        mapping.put("amount", "amount");
        mapping.put("currency", "currency");
        mapping.put("comment", "comment");
        return source("shop", "interaction", "jsonl", "events.jsonl", mapping);
    }

    private SourceConfig source(String name, String kind, String format, String path, Map<String, Object> mapping) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", name);
        yaml.put("kind", kind);
        yaml.put("format", format);
        yaml.put("path", path);
        yaml.put("mapping", mapping);
        return SourceConfig.fromMap(yaml, "sources[0]", dir);
    }
}
