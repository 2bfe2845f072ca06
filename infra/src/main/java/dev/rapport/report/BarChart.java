package dev.rapport.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Horizontal bars as inline SVG, one row per bar: its label, the bar from zero (negative values
 * go left of a zero line) and a text with the figures.
 */
public record BarChart(String title, List<Bar> bars) {

    static final int WIDTH = 760;
    static final int ROW = 26;
    static final int LABEL_WIDTH = 190;
    static final int TEXT_WIDTH = 220;
    static final int PAD = 6;

    /** One bar: its label, the value its length shows, and the text shown beside it. */
    public record Bar(String label, double value, String text) {
        public Bar {
            requireNonNull(label, "label is null");
            requireNonNull(text, "text is null");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value of " + label + " is not finite: " + value);
            }
        }
    }

    public BarChart {
        requireNonNull(title, "title is null");
        bars = List.copyOf(requireNonNull(bars, "bars is null"));
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one bar");
        }
    }

    private LinearScale scale() {
        double min = Math.min(0, bars.stream().mapToDouble(Bar::value).min().orElseThrow());
        double max = Math.max(0, bars.stream().mapToDouble(Bar::value).max().orElseThrow());
        return new LinearScale(min, max == min ? min + 1 : max, LABEL_WIDTH, WIDTH - TEXT_WIDTH);
    }

    int height() {
        return bars.size() * ROW + 2 * PAD;
    }

    double barX(int index) {
        LinearScale scale = scale();
        return Math.min(scale.map(0), scale.map(bars.get(index).value()));
    }

    double barWidth(int index) {
        LinearScale scale = scale();
        return Math.abs(scale.map(bars.get(index).value()) - scale.map(0));
    }

    public String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart bar-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height())
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title>");
        String zero = Html.coordinate(scale().map(0));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = PAD + i * ROW;
            String middle = Html.coordinate(top + ROW / 2.0);
            svg.append("<g class=\"bar-row\"><title>")
                    .append(Html.escape(bar.label() + ": " + bar.text()))
                    .append("</title>");
            svg.append("<text class=\"label\" x=\"")
                    .append(LABEL_WIDTH - 8)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Html.escape(shorten(bar.label(), 28)))
                    .append("</text>");
            svg.append("<rect class=\"bar")
                    .append(bar.value() < 0 ? " negative" : "")
                    .append("\" x=\"")
                    .append(Html.coordinate(barX(i)))
                    .append("\" y=\"")
                    .append(Html.coordinate(top + 4))
                    .append("\" width=\"")
                    .append(Html.coordinate(barWidth(i)))
                    .append("\" height=\"")
                    .append(ROW - 8)
                    .append("\" rx=\"3\"/>");
            svg.append("<text class=\"value\" x=\"")
                    .append(WIDTH - TEXT_WIDTH + 8)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\" dominant-baseline=\"middle\">")
                    .append(Html.escape(bar.text()))
                    .append("</text></g>");
        }
        svg.append("<line class=\"zero\" x1=\"")
                .append(zero)
                .append("\" x2=\"")
                .append(zero)
                .append("\" y1=\"")
                .append(PAD)
                .append("\" y2=\"")
                .append(height() - PAD)
                .append("\"/>");
        return svg.append("</svg>").toString();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
