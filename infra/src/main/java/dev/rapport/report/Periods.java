package dev.rapport.report;

import dev.rapport.report.ReportData.DayCounts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums daily counts into periods a trend line can show: the finest of days, ISO weeks (starting
 * Monday) and months that gives at most {@value #MAX_PERIODS} periods with, on average, at least
 * {@value #MIN_MEAN_COUNT} answers each (a rate over a handful of answers is mostly noise). Counts
 * are summed, never rates averaged.
 */
public final class Periods {

    public enum Grain {
        DAY,
        WEEK,
        MONTH
    }

    /** The counts of one period, labelled by its first day. */
    public record Period(LocalDate start, String label, long total, long positive, long negative) {}

    private Periods() {}

    static final int MAX_PERIODS = 120;
    static final int MIN_MEAN_COUNT = 20;

    public static Grain grainFor(List<DayCounts> days) {
        long total = days.stream().mapToLong(DayCounts::total).sum();
        for (Grain grain : new Grain[] {Grain.DAY, Grain.WEEK}) {
            long periods =
                    days.stream().map(d -> start(d.day(), grain)).distinct().count();
            if (periods <= MAX_PERIODS && total >= MIN_MEAN_COUNT * periods) {
                return grain;
            }
        }
        return Grain.MONTH;
    }

    public static List<Period> of(List<DayCounts> days) {
        return days.isEmpty() ? List.of() : of(days, grainFor(days));
    }

    public static List<Period> of(List<DayCounts> days, Grain grain) {
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (DayCounts day : days) {
            long[] sum = sums.computeIfAbsent(start(day.day(), grain), d -> new long[3]);
            sum[0] += day.total();
            sum[1] += day.positive();
            sum[2] += day.negative();
        }
        List<Period> periods = new ArrayList<>(sums.size());
        sums.forEach((start, sum) -> periods.add(new Period(start, label(start, grain), sum[0], sum[1], sum[2])));
        return periods;
    }

    static LocalDate start(LocalDate day, Grain grain) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static String label(LocalDate start, Grain grain) {
        return switch (grain) {
            case DAY -> start.toString();
            case WEEK -> "wk " + start;
            case MONTH -> start.toString().substring(0, 7);
        };
    }
}
