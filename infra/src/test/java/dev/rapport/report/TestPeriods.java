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

    private static List<DayCounts> daily(int days, long answersPerDay) {
        return java.util.stream.IntStream.range(0, days)
                .mapToObj(i -> new DayCounts(MONDAY.plusDays(i), answersPerDay, 0, 0))
                .toList();
    }

    @Test
    void theGrainIsTheFinestWithEnoughAnswersPerPeriod() {
        assertThat(Periods.grainFor(daily(30, 20))).isEqualTo(Grain.DAY);
        // 5 a day: too few per day, 35 a week
        assertThat(Periods.grainFor(daily(30, 5))).isEqualTo(Grain.WEEK);
        // 1 a day: 7 a week is still too few
        assertThat(Periods.grainFor(daily(30, 1))).isEqualTo(Grain.MONTH);
    }

    @Test
    void aLongHistoryIsShownInWeeksOrMonthsWhateverItsVolume() {
        assertThat(Periods.grainFor(daily(200, 1000))).isEqualTo(Grain.WEEK);
        assertThat(Periods.grainFor(daily(1000, 1000))).isEqualTo(Grain.MONTH);
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
