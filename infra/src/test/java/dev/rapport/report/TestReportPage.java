package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.report.ReportData.AtRisk;
import dev.rapport.report.ReportData.DayCounts;
import dev.rapport.report.ReportData.EmailTotals;
import dev.rapport.report.ReportData.GroupCounts;
import dev.rapport.report.ReportData.Health;
import dev.rapport.report.ReportData.IdentityHealth;
import dev.rapport.report.ReportData.SourceRun;
import dev.rapport.report.ReportData.Topic;
import dev.rapport.report.ReportData.Transition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestReportPage {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final String HOSTILE = "<script>alert(\"x\")</script>";

    private static ReportData data(Optional<List<Transition>> transitions, Optional<Health> health) {
        return new ReportData(
                // 60 answers: 30 promoters, 10 detractors on the first day; 40: 10 and 20 on the next.
                List.of(new DayCounts(DAY, 60, 30, 10), new DayCounts(DAY.plusDays(1), 40, 10, 20)),
                List.of(new GroupCounts(HOSTILE, 100, 40, 30)),
                List.of(new GroupCounts("checkout", 100, 40, 30)),
                List.of(new DayCounts(DAY, 10, 8, 0)),
                List.of(new DayCounts(DAY, 10, 6, 0)),
                List.of(new DayCounts(DAY, 20, 5, 0)),
                List.of(new GroupCounts("urgent", 20, 5, 0)),
                Optional.of(new EmailTotals(1000, 950, 50, 400, 80, 5, 1)),
                List.of(new Topic("sr", "dostava", 12, 9), new Topic("en", HOSTILE, 4, 2)),
                new IdentityHealth(
                        10,
                        6,
                        List.of("crm", "erp"),
                        new TreeMap<>(Map.of(1, 4L, 3, 2L)),
                        List.of(new SourceRun("crm", 6, 6, 0, 1))),
                transitions,
                health);
    }

    @Test
    void theOverallNpsSumsCountsRatherThanAveragingDailyScores() {
        ReportPage page = new ReportPage(data(Optional.empty(), Optional.empty()), "now");

        // (40 - 30) / 100, not the mean of +33.3 and -25.0
        assertThat(page.overallNps().orElseThrow().nps().orElseThrow()).isEqualTo(10.0);
        assertThat(page.html()).contains("<div class=\"kpi-value\">+10.0</div>");
    }

    @Test
    void everySectionIsThereAndTheMissingTablesSaySo() {
        String html = new ReportPage(data(Optional.empty(), Optional.empty()), "now").html();

        for (String id : ReportPage.SECTIONS.keySet()) {
            assertThat(html).contains("<section id=\"" + id + "\"");
        }
        assertThat(count(html, Pattern.quote(ReportPage.NOT_COMPUTED))).isEqualTo(2);
    }

    @Test
    void identityFiguresAreComputedFromClusterSizes() {
        String html = new ReportPage(data(Optional.empty(), Optional.empty()), "now").html();

        // 6 of 10 records are in the two 3-record customers.
        assertThat(html).contains("60.0%").contains("id=\"identity-largest\"");
    }

    @Test
    void valuesFromTheTablesAreEscapedEverywhere() {
        String html = new ReportPage(data(Optional.empty(), Optional.empty()), "now").html();

        assertThat(count(html, "<script>")).isEqualTo(2); // the page's own two scripts, nothing else
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    }

    @Test
    void thePageNeedsNothingFromOutside() {
        String html = new ReportPage(data(Optional.empty(), Optional.empty()), "now").html();

        assertThat(html)
                .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//")
                .doesNotContain("@import")
                .doesNotContain("url(");
    }

    @Test
    void funnelAndRiskSectionsShowTheirTablesWhenPresent() {
        List<Transition> steps = List.of(
                new Transition("lead", "first_purchase", 90, 100, 40, 10, 24, 48, 96),
                new Transition("first_purchase", "repeat_purchase", 90, 40, 10, 100, 200, 300, 500));
        Health health = new Health(
                "2026-11-30",
                List.of(new AtRisk("c-1", 0.91, "high", List.of("two breached tickets", HOSTILE), "3", 2, 2)),
                Map.of("high", 1L, "low", 5L));

        String html = new ReportPage(data(Optional.of(steps), Optional.of(health)), "now").html();

        assertThat(html).doesNotContain(ReportPage.NOT_COMPUTED);
        assertThat(html)
                .contains("40.0% within 90 d")
                .contains("25.0% within 90 d")
                .contains("median 24.0 h");
        assertThat(html).contains("<li>two breached tickets</li>").contains("91.0%");
        assertThat(count(html, "<script>")).isEqualTo(2);
    }

    @Test
    void riskBandsGoFromTheMostSevereDown() {
        assertThat(ReportPage.bandsBySeverity(Map.of("low", 5L, "other", 1L, "high", 2L, "medium", 3L))
                        .keySet())
                .containsExactly("high", "medium", "low", "other");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
