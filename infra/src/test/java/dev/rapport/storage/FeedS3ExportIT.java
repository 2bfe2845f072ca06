package dev.rapport.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.feed.FeedConfig;
import dev.rapport.metrics.feed.FeedJob;
import dev.rapport.metrics.feed.FeedReport;
import dev.rapport.metrics.feed.SaltedHash;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport feed} exporting to S3 (a local S3 API, s3proxy, started by the test): the
 * personalization feed lands as JSON lines under the destination's prefix with hashed
 * identifiers, and a rerun replaces the objects instead of adding to them.
 */
class FeedS3ExportIT {

    private static final String BUCKET = "feeds";
    private static final String SALT = "s3-export-test-salt-0123";

    @TempDir
    Path dir;

    @Test
    void exportsTheFeedToAnS3PrefixAndARerunReplacesIt() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(dir, BUCKET)) {
            // the AWS SDK's default credential chain reads these, as it reads AWS_ACCESS_KEY_ID in production
            System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", s3.secretKey());
            try {
                CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("tables")));
                writeInputs(catalog);
                FeedConfig config = FeedConfig.fromMap(
                        Map.of(
                                "destinations",
                                List.of(Map.of(
                                        "name",
                                        "ads",
                                        "format",
                                        "jsonl",
                                        "path",
                                        "s3://" + BUCKET + "/personalization/ads",
                                        "s3",
                                        Map.of(
                                                "endpoint",
                                                s3.endpoint(),
                                                "path_style_access",
                                                true,
                                                "region",
                                                "us-east-1")))),
                        "feed",
                        name -> SaltedHash.SALT_VARIABLE.equals(name) ? SALT : null,
                        dir);
                LocalDate asOf = LocalDate.of(2024, 6, 30);

                FeedReport report = new FeedJob(catalog, config, Optional.of(asOf)).run(2, new Configuration());
                Path prefix = s3.bucketDir(BUCKET).resolve("personalization/ads");
                List<Path> first = objects(prefix);
                new FeedJob(catalog, config, Optional.of(asOf)).run(2, new Configuration());
                List<Path> second = objects(prefix);

                assertThat(report.destinations()).containsExactly("ads");
                assertThat(first).isNotEmpty();
                List<String> lines = lines(second);
                assertThat(lines).hasSize(2);
                String all = String.join("\n", lines);
                assertThat(all)
                        .contains("\"customer_key\":\"" + new SaltedHash(SALT).hash("c1") + "\"")
                        .doesNotContain("@example.com");
                // the rerun replaced the objects: still one line per customer
                assertThat(lines(second)).hasSize(2);
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    private static void writeInputs(CatalogConfig catalog) {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            tables.ensure(RapportTables.CUSTOMER_TIMELINE);
            tables.ensure(RapportTables.SUPPORT_SLA);
            tables.ensure(RapportTables.CUSTOMER_RFM);
            tables.ensure(RapportTables.CUSTOMER_HEALTH);
            tables.ensure(RapportTables.CUSTOMER_CONSENT);
        }
        List<Map<String, Object>> profiles = new ArrayList<>();
        for (String customer : List.of("c1", "c2")) {
            Map<String, Object> row = new HashMap<>();
            row.put("customer_id", customer);
            row.put("email", customer + "@example.com");
            row.put("sources", List.of("crm"));
            row.put("record_count", 1);
            row.put("resolved_at", Instant.parse("2024-06-30T00:00:00Z"));
            profiles.add(row);
        }
        IcebergTestTables.append(catalog, RapportTables.CUSTOMER_PROFILE, profiles);
    }

    private static List<Path> objects(Path prefix) throws Exception {
        if (!Files.isDirectory(prefix)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> lines(List<Path> files) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }
}
