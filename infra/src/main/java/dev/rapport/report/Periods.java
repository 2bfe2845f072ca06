package dev.rapport.report;

import dev.rapport.report.ReportData.DayCounts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums daily counts into periods a trend line can show: days for up to two months of data, ISO
 * weeks (starting Monday) up to two years, months beyond. Counts are summed, never rates averaged.
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

    public static Grain grainFor(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        if (days <= 62) {
            return Grain.DAY;
        }
        return days <= 2 * 366 ? Grain.WEEK : Grain.MONTH;
    }

    public static List<Period> of(List<DayCounts> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate first =
                days.stream().map(DayCounts::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last =
                days.stream().map(DayCounts::day).max(LocalDate::compareTo).orElseThrow();
        return of(days, grainFor(first, last));
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
