package dev.rapport.metrics.feedback;

import static dev.rapport.metrics.testing.IcebergTestTables.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.job.MetricsJob;
import dev.rapport.metrics.job.MetricsReport;
import dev.rapport.metrics.testing.IcebergTestTables;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MetricsJob} on a MiniCluster at parallelism 2 over comments in every language and
 * checks {@code metrics.feedback_sentiment} against sentiment labels checked by hand, and {@code
 * metrics.feedback_topics} against the same counts aggregated here in plain Java.
 */
class FeedbackMetricsIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    /** event id, time, survey type, score, comment_language, comment, expected language, expected sentiment. */
    private static final String[][] ANSWERS = {
        {
            "f01",
            "2024-03-01T08:00:00Z",
            "NPS",
            "10",
            "en",
            "Fast delivery and great service, thank you!",
            "en",
            "positive"
        },
        {
            "f02",
            "2024-03-01T09:00:00Z",
            "NPS",
            "2",
            "en",
            "The package arrived a week late and nobody told me why.",
            "en",
            "negative"
        },
        {
            "f03",
            "2024-03-02T08:00:00Z",
            "NPS",
            "9",
            "en",
            "Excellent quality, I will definitely order again.",
            "en",
            "positive"
        },
        {
            "f04",
            "2024-03-02T09:00:00Z",
            "NPS",
            "3",
            "en",
            "Support never answered my emails, very disappointing.",
            "en",
            "negative"
        },
        {"f05", "2024-03-03T09:00:00Z", "NPS", "7", "en", "It was okay, nothing special.", "en", "neutral"},
        {
            "f06",
            "2024-03-03T10:00:00Z",
            "NPS",
            "1",
            "sr",
            "Пакет је стигао недељу дана касније и нико ми није јавио зашто.",
            "sr",
            "negative"
        },
        {
            "f07",
            "2024-03-04T10:00:00Z",
            "NPS",
            "10",
            "sr-Latn",
            "Brza dostava i odlična usluga, hvala!",
            "sr",
            "positive"
        },
        {"f08", "2024-03-04T11:00:00Z", "NPS", "0", null, "Товар сломался через две недели.", "ru", "negative"},
        {"f09", "2024-03-05T11:00:00Z", "NPS", "4", "de", "Way too expensive compared to other shops.", "en", "negative"
        },
        {"f10", "2024-03-05T12:00:00Z", "NPS", "9", "fa", "کیفیت عالی، حتماً دوباره سفارش می‌دهم.", "fa", "positive"},
        {"f11", "2024-03-06T12:00:00Z", "NPS", "5", "af", "Swak gehalte, nie soos beskryf nie.", "af", "negative"},
        {
            "f12",
            "2024-03-06T13:00:00Z",
            "NPS",
            "10",
            "lt",
            "Greitas pristatymas ir puikus aptarnavimas, ačiū!",
            "lt",
            "positive"
        },
        {"f13", "2024-03-07T13:00:00Z", "NPS", "8", null, "12345", "unknown", null},
        {"f14", "2024-04-01T13:00:00Z", "NPS", "6", "en", "The delivery was late again.", "en", "negative"},
        {"f16", "2024-03-08T13:00:00Z", "NPS", "9", "sr", "Paket je stigao, odlična usluga.", "sr", "positive"},
        {"c01", "2024-03-08T14:00:00Z", "CSAT", "5", "en", "Great support.", "en", "positive"},
    };

    private static Path dataDir;
    private static CatalogConfig catalog;
    private static MetricsReport report;

    @BeforeAll
    static void runOnce() throws IOException {
        dataDir = Files.createTempDirectory("feedback-metrics-it");
        catalog = CatalogConfig.embedded(dataDir);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] answer : ANSWERS) {
            Map<String, Object> row =
                    interaction(answer[0], "survey-tool", "survey", "survey_response", Instant.parse(answer[1]));
            row.put("survey_type", answer[2]);
            row.put("score", Integer.parseInt(answer[3]));
            row.put("comment_language", answer[4]);
            row.put("comment", answer[5]);
            rows.add(row);
        }
        Map<String, Object> blank =
                interaction("f15", "survey-tool", "survey", "survey_response", Instant.parse("2024-03-09T10:00:00Z"));
        blank.put("survey_type", "NPS");
        blank.put("score", 9);
        blank.put("comment", "  ");
        rows.add(blank);
        Map<String, Object> ticket =
                interaction("t01", "helpdesk", "support", "ticket_opened", Instant.parse("2024-03-09T11:00:00Z"));
        ticket.put("ticket_id", "T1");
        ticket.put("comment", "The product broke after two weeks.");
        ticket.put("comment_language", "en");
        rows.add(ticket);
        IcebergTestTables.append(catalog, RapportTables.INTERACTIONS, rows);
        Configuration settings = new Configuration();
        settings.set(PipelineOptions.GENERIC_TYPES, false);
        report = new MetricsJob(catalog, MetricsConfig.defaults()).run(PARALLELISM, settings);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void everyCommentHasItsLanguageAndSentiment() {
        Map<String, Map<String, Object>> rows =
                IcebergTestTables.read(catalog, RapportTables.FEEDBACK_SENTIMENT).stream()
                        .collect(Collectors.toMap(row -> (String) row.get("event_id"), row -> row));
        // every non-blank comment, the ticket's too; the blank one is not a comment
        assertThat(rows.keySet())
                .hasSize(ANSWERS.length + 1)
                .doesNotContain("f15")
                .contains("t01");
        assertThat(report.tables()).containsEntry("metrics.feedback_sentiment", (long) ANSWERS.length + 1);
        for (String[] answer : ANSWERS) {
            Map<String, Object> row = rows.get(answer[0]);
            assertThat(row.get("language")).as(answer[0]).isEqualTo(answer[6]);
            assertThat(row.get("sentiment")).as(answer[0] + ": " + answer[5]).isEqualTo(answer[7]);
        }
        assertThat(rows.get("t01").get("sentiment")).isEqualTo("negative");
        assertThat(rows.get("t01").get("nps_category")).isNull();
        assertThat(rows.get("c01").get("nps_category")).isNull();
        assertThat(rows.get("f02").get("nps_category")).isEqualTo("detractor");
        assertThat(rows.get("f05").get("nps_category")).isEqualTo("passive");
        assertThat(rows.get("f01").get("nps_category")).isEqualTo("promoter");
        // the record's tag when supported, else detected from the text, else unknown
        assertThat(rows.get("f07").get("language_source")).isEqualTo("record");
        assertThat(rows.get("f08").get("language_source")).isEqualTo("detected");
        assertThat(rows.get("f09").get("language_source")).isEqualTo("detected");
        assertThat(rows.get("f13").get("language_source")).isEqualTo("unknown");
        assertThat(rows.get("f13").get("sentiment_score")).isNull();
        // hand-checked: great +2, fast +1, thank +1; late -2, nobody alone -1
        assertThat(rows.get("f01").get("positive_weight")).isEqualTo(4);
        assertThat(rows.get("f01").get("sentiment_score")).isEqualTo(1.0);
        assertThat(rows.get("f02").get("negative_weight")).isEqualTo(3);
        assertThat(rows.get("f02").get("event_time")).isEqualTo(OffsetDateTime.parse("2024-03-01T09:00:00Z"));
    }

    @Test
    void topicsCountTheAnswersMentioningEachTermAndTheirNpsImpact() {
        // independent aggregation of the same answers
        Map<List<Object>, long[]> byTerm = new TreeMap<>(Comparator.comparing(List::toString));
        Map<List<Object>, long[]> byLanguage = new TreeMap<>(Comparator.comparing(List::toString));
        CommentAnalyzers analyzers = CommentAnalyzers.forTopics();
        for (String[] answer : ANSWERS) {
            if (!answer[2].equals("NPS") || answer[6].equals("unknown")) {
                continue;
            }
            LocalDate month = LocalDate.parse(answer[1].substring(0, 8) + "01");
            int score = Integer.parseInt(answer[3]);
            int category = score >= 9 ? 0 : score >= 7 ? 1 : 2;
            byLanguage.computeIfAbsent(List.of(month, answer[6]), k -> new long[3])[category]++;
            for (CommentTerm term : CommentTerms.distinct(
                    analyzers.analyzer(CommentLanguage.fromTag(answer[6]).orElseThrow()), answer[5])) {
                byTerm.computeIfAbsent(List.of(month, answer[6], term.term()), k -> new long[3])[category]++;
            }
        }
        analyzers.close();
        Map<List<Object>, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : IcebergTestTables.read(catalog, RapportTables.FEEDBACK_TOPICS)) {
            rows.put(List.of(row.get("month"), row.get("language"), row.get("term")), row);
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(byTerm.keySet());
        byTerm.forEach((key, counts) -> {
            Map<String, Object> row = rows.get(key);
            long[] language = byLanguage.get(key.subList(0, 2));
            long n = counts[0] + counts[1] + counts[2];
            long languageN = language[0] + language[1] + language[2];
            double nps = 100.0 * (counts[0] - counts[2]) / n;
            double languageNps = 100.0 * (language[0] - language[2]) / languageN;
            assertThat(row.get("responses")).as(key.toString()).isEqualTo(n);
            assertThat(row.get("promoters")).as(key.toString()).isEqualTo(counts[0]);
            assertThat(row.get("passives")).as(key.toString()).isEqualTo(counts[1]);
            assertThat(row.get("detractors")).as(key.toString()).isEqualTo(counts[2]);
            assertThat((Double) row.get("nps")).as(key.toString()).isCloseTo(nps, within(1e-9));
            assertThat(row.get("language_responses")).as(key.toString()).isEqualTo(languageN);
            assertThat((Double) row.get("nps_impact")).as(key.toString()).isCloseTo(nps - languageNps, within(1e-9));
        });
        // hand-checked: English in March, 6 answers (P 2, D 3: f09 detected as English) -> -16.67;
        // "late" only in f02 (a detractor): -100 - (-16.67) = -83.33
        Map<String, Object> late = rows.get(List.of(LocalDate.parse("2024-03-01"), "en", "late"));
        assertThat(late.get("language_responses")).isEqualTo(6L);
        assertThat((Double) late.get("nps_impact")).isCloseTo(-83.33, within(0.01));
        // Serbian in both scripts: "paket" in f06 (Cyrillic, detractor) and f16 (Latin, promoter);
        // Serbian in March is P 2 D 1 of 3 -> 33.33, so the impact is 0 - 33.33
        Map<String, Object> paket = rows.get(List.of(LocalDate.parse("2024-03-01"), "sr", "paket"));
        assertThat(paket.get("responses")).isEqualTo(2L);
        assertThat((Double) paket.get("nps_impact")).isCloseTo(-33.33, within(0.01));
        assertThat(paket.get("word")).isEqualTo("paket");
        // April is its own month
        assertThat(rows.get(List.of(LocalDate.parse("2024-04-01"), "en", "late"))
                        .get("language_responses"))
                .isEqualTo(1L);
    }
}
