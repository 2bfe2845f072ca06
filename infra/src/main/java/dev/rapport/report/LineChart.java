package dev.rapport.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A line over evenly spaced periods as inline SVG, with an optional band (a confidence interval)
 * drawn behind it. Each point carries a tooltip ({@code <title>}) with its exact figures.
 */
public record LineChart(String title, List<Point> points, double yMin, double yMax, String unit) {

    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    static final int LEFT = 52;
    static final int RIGHT = 16;
    static final int TOP = 14;
    static final int BOTTOM = 40;
    private static final int MAX_X_LABELS = 8;

    /** One period: its label, the value and, when known, the band around it (NaN when none). */
    public record Point(String label, double value, double low, double high) {
        public Point {
            requireNonNull(label, "label is null");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value of " + label + " is not finite: " + value);
            }
        }

        public static Point of(String label, double value) {
            return new Point(label, value, Double.NaN, Double.NaN);
        }

        boolean hasBand() {
            return Double.isFinite(low) && Double.isFinite(high);
        }
    }

    public LineChart {
        requireNonNull(title, "title is null");
        points = List.copyOf(requireNonNull(points, "points is null"));
        requireNonNull(unit, "unit is null");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a line chart needs at least one point");
        }
        if (!(yMin < yMax)) {
            throw new IllegalArgumentException("yMin " + yMin + " must be below yMax " + yMax);
        }
    }

    double x(int index) {
        return new LinearScale(0, points.size() - 1, LEFT, WIDTH - RIGHT).map(index);
    }

    double y(double value) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return new LinearScale(yMin, yMax, HEIGHT - BOTTOM, TOP).map(clamped);
    }

    /** The band as a closed path: along the highs left to right, back along the lows; empty without one. */
    String bandPath() {
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        int drawn = 0;
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (!point.hasBand()) {
                continue;
            }
            upper.append(drawn == 0 ? "M" : " L")
                    .append(Html.coordinate(x(i)))
                    .append(',')
                    .append(Html.coordinate(y(point.high())));
            lower.insert(0, " L" + Html.coordinate(x(i)) + "," + Html.coordinate(y(point.low())));
            drawn++;
        }
        return drawn == 0 ? "" : upper + lower.toString() + " Z";
    }

    String linePoints() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(Html.coordinate(x(i)))
                    .append(',')
                    .append(Html.coordinate(y(points.get(i).value())));
        }
        return out.toString();
    }

    public String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart line-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title>");
        LinearScale scale = new LinearScale(yMin, yMax, HEIGHT - BOTTOM, TOP);
        for (double tick : scale.ticks(5)) {
            String y = Html.coordinate(y(tick));
            svg.append("<line class=\"grid")
                    .append(tick == 0 ? " zero" : "")
                    .append("\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\"/>");
            svg.append("<text class=\"tick\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Html.escape(tickLabel(tick)))
                    .append("</text>");
        }
        String band = bandPath();
        if (!band.isEmpty()) {
            svg.append("<path class=\"band\" d=\"").append(band).append("\"/>");
        }
        svg.append("<polyline class=\"line\" points=\"").append(linePoints()).append("\"/>");
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            String tooltip = point.label() + ": " + Html.oneDecimal(point.value()) + unit
                    + (point.hasBand()
                            ? " (95% interval " + Html.oneDecimal(point.low()) + " to " + Html.oneDecimal(point.high())
                                    + ")"
                            : "");
            svg.append("<circle class=\"point\" cx=\"")
                    .append(Html.coordinate(x(i)))
                    .append("\" cy=\"")
                    .append(Html.coordinate(y(point.value())))
                    .append("\" r=\"3\" data-tip=\"")
                    .append(Html.escape(tooltip))
                    .append("\"><title>")
                    .append(Html.escape(tooltip))
                    .append("</title></circle>");
        }
        for (int index : labelIndexes(points.size(), MAX_X_LABELS)) {
            svg.append("<text class=\"tick\" x=\"")
                    .append(Html.coordinate(x(index)))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.escape(points.get(index).label()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private String tickLabel(double tick) {
        String text = tick == Math.rint(tick) ? String.valueOf((long) tick) : Html.oneDecimal(tick);
        return text + unit;
    }

    /** At most {@code max} indexes spread evenly from the first to the last. */
    static List<Integer> labelIndexes(int size, int max) {
        if (size <= max) {
            return java.util.stream.IntStream.range(0, size).boxed().toList();
        }
        java.util.TreeSet<Integer> indexes = new java.util.TreeSet<>();
        for (int i = 0; i < max; i++) {
            indexes.add((int) Math.round((double) i * (size - 1) / (max - 1)));
        }
        return List.copyOf(indexes);
    }
}
