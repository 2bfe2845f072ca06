package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.report.Periods.Grain;
import dev.rapport.report.Periods.Period;
import dev.rapport.report.ReportData.DayCounts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPeriods {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void theGrainFollowsTheSpanOfTheData() {
        assertThat(Periods.grainFor(MONDAY, MONDAY.plusDays(62))).isEqualTo(Grain.DAY);
        assertThat(Periods.grainFor(MONDAY, MONDAY.plusDays(63))).isEqualTo(Grain.WEEK);
        assertThat(Periods.grainFor(MONDAY, MONDAY.plusDays(800))).isEqualTo(Grain.MONTH);
    }

    @Test
    void weeksStartOnMondayAndSumTheirCounts() {
        List<Period> weeks = Periods.of(
                List.of(
                        new DayCounts(MONDAY.plusDays(6), 10, 6, 1), // Sunday
                        new DayCounts(MONDAY, 5, 1, 2),
                        new DayCounts(MONDAY.plusDays(7), 3, 3, 0)),
                Grain.WEEK);

        assertThat(weeks)
                .containsExactly(
                        new Period(MONDAY, "wk 2026-11-02", 15, 7, 3),
                        new Period(MONDAY.plusDays(7), "wk 2026-11-09", 3, 3, 0));
    }

    @Test
    void monthsAreLabelledByYearAndMonth() {
        List<Period> months = Periods.of(List.of(new DayCounts(MONDAY.plusDays(20), 1, 1, 0)), Grain.MONTH);

        assertThat(months).containsExactly(new Period(LocalDate.of(2026, 11, 1), "2026-11", 1, 1, 0));
    }
}
