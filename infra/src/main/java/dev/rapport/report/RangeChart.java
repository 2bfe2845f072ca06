package dev.rapport.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Spreads of a duration as inline SVG, one row each: a box from the 25th to the 75th percentile, a
 * mark at the median and a whisker out to the 90th percentile, all on one scale from zero.
 */
public record RangeChart(String title, List<Range> ranges, String unit) {

    static final int WIDTH = 760;
    static final int ROW = 30;
    static final int LABEL_WIDTH = 210;
    static final int TEXT_WIDTH = 150;

    public record Range(String label, double p25, double median, double p75, double p90) {
        public Range {
            requireNonNull(label, "label is null");
            if (!(0 <= p25 && p25 <= median && median <= p75 && p75 <= p90) || !Double.isFinite(p90)) {
                throw new IllegalArgumentException("percentiles of " + label + " are not ordered: " + p25 + ", "
                        + median + ", " + p75 + ", " + p90);
            }
        }
    }

    public RangeChart {
        requireNonNull(title, "title is null");
        ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
        requireNonNull(unit, "unit is null");
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a range chart needs at least one range");
        }
    }

    double x(double value) {
        double max = ranges.stream().mapToDouble(Range::p90).max().orElseThrow();
        return new LinearScale(0, max == 0 ? 1 : max, LABEL_WIDTH, WIDTH - TEXT_WIDTH).map(value);
    }

    public String svg() {
        StringBuilder svg = new StringBuilder();
        int height = ranges.size() * ROW + 8;
        svg.append("<svg class=\"chart range-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title>");
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            double top = 4 + i * ROW;
            String middle = Html.coordinate(top + ROW / 2.0);
            String tip = range.label() + ": median " + Html.oneDecimal(range.median()) + unit + ", middle half "
                    + Html.oneDecimal(range.p25()) + " to " + Html.oneDecimal(range.p75()) + unit + ", 90% within "
                    + Html.oneDecimal(range.p90()) + unit;
            svg.append("<g class=\"range\"><title>").append(Html.escape(tip)).append("</title>");
            svg.append("<text class=\"label\" x=\"")
                    .append(LABEL_WIDTH - 8)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Html.escape(BarChart.shorten(range.label(), 30)))
                    .append("</text>");
            svg.append("<line class=\"whisker\" x1=\"")
                    .append(Html.coordinate(x(range.p75())))
                    .append("\" x2=\"")
                    .append(Html.coordinate(x(range.p90())))
                    .append("\" y1=\"")
                    .append(middle)
                    .append("\" y2=\"")
                    .append(middle)
                    .append("\"/>");
            svg.append("<rect class=\"box\" x=\"")
                    .append(Html.coordinate(x(range.p25())))
                    .append("\" y=\"")
                    .append(Html.coordinate(top + 7))
                    .append("\" width=\"")
                    .append(Html.coordinate(Math.max(1, x(range.p75()) - x(range.p25()))))
                    .append("\" height=\"")
                    .append(ROW - 14)
                    .append("\"/>");
            String median = Html.coordinate(x(range.median()));
            svg.append("<line class=\"median\" x1=\"")
                    .append(median)
                    .append("\" x2=\"")
                    .append(median)
                    .append("\" y1=\"")
                    .append(Html.coordinate(top + 4))
                    .append("\" y2=\"")
                    .append(Html.coordinate(top + ROW - 4))
                    .append("\"/>");
            svg.append("<text class=\"value\" x=\"")
                    .append(WIDTH - TEXT_WIDTH + 8)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\" dominant-baseline=\"middle\">median ")
                    .append(Html.escape(Html.oneDecimal(range.median()) + unit))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
