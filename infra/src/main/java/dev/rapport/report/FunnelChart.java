package dev.rapport.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A funnel as inline SVG: one centred bar per stage, its width proportional to the stage's count,
 * with the count and a note (such as the conversion from the stage before) beside it.
 */
public record FunnelChart(String title, List<Stage> stages) {

    static final int WIDTH = 760;
    static final int ROW = 40;
    static final int LABEL_WIDTH = 150;
    static final int TEXT_WIDTH = 230;

    public record Stage(String label, long count, String note) {
        public Stage {
            requireNonNull(label, "label is null");
            requireNonNull(note, "note is null");
            if (count < 0) {
                throw new IllegalArgumentException("count of " + label + " is negative: " + count);
            }
        }
    }

    public FunnelChart {
        requireNonNull(title, "title is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a funnel needs at least one stage");
        }
    }

    private double centre() {
        return (LABEL_WIDTH + WIDTH - TEXT_WIDTH) / 2.0;
    }

    double barWidth(int index) {
        long max = stages.stream().mapToLong(Stage::count).max().orElseThrow();
        double full = WIDTH - TEXT_WIDTH - LABEL_WIDTH - 16;
        // A stage with nobody still shows a sliver, so the row does not look missing.
        return max == 0 ? 2 : Math.max(2, full * stages.get(index).count() / max);
    }

    double barX(int index) {
        return centre() - barWidth(index) / 2;
    }

    public String svg() {
        StringBuilder svg = new StringBuilder();
        int height = stages.size() * ROW + 8;
        svg.append("<svg class=\"chart funnel\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title>");
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            double top = 4 + i * ROW;
            String middle = Html.coordinate(top + ROW / 2.0);
            svg.append("<g class=\"stage\"><title>")
                    .append(Html.escape(stage.label() + ": " + Html.count(stage.count())
                            + (stage.note().isEmpty() ? "" : " (" + stage.note() + ")")))
                    .append("</title>");
            svg.append("<text class=\"label\" x=\"")
                    .append(LABEL_WIDTH - 8)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Html.escape(BarChart.shorten(stage.label(), 22)))
                    .append("</text>");
            svg.append("<rect class=\"bar\" x=\"")
                    .append(Html.coordinate(barX(i)))
                    .append("\" y=\"")
                    .append(Html.coordinate(top + 4))
                    .append("\" width=\"")
                    .append(Html.coordinate(barWidth(i)))
                    .append("\" height=\"")
                    .append(ROW - 8)
                    .append("\" rx=\"4\"/>");
            svg.append("<text class=\"value\" x=\"")
                    .append(WIDTH - TEXT_WIDTH + 8)
                    .append("\" y=\"")
                    .append(middle)
                    .append("\" dominant-baseline=\"middle\"><tspan class=\"strong\">")
                    .append(Html.escape(Html.count(stage.count())))
                    .append("</tspan> ")
                    .append(Html.escape(stage.note()))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
