package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TestLineChart {

    private final LineChart chart = new LineChart(
            "NPS",
            List.of(
                    new LineChart.Point("2026-01-01", 0, -20, 20),
                    new LineChart.Point("2026-01-02", 50, 40, 60),
                    new LineChart.Point("2026-01-03", -100, -100, -80)),
            -100,
            100,
            "");

    @Test
    void pointsSpanThePlotLeftToRightAndValuesMapUpwards() {
        assertThat(chart.x(0)).isEqualTo(LineChart.LEFT);
        assertThat(chart.x(2)).isEqualTo(LineChart.WIDTH - LineChart.RIGHT);
        assertThat(chart.x(1)).isEqualTo((LineChart.LEFT + LineChart.WIDTH - LineChart.RIGHT) / 2.0);
        assertThat(chart.y(100)).isEqualTo(LineChart.TOP);
        assertThat(chart.y(-100)).isEqualTo(LineChart.HEIGHT - LineChart.BOTTOM);
        assertThat(chart.y(0)).isEqualTo((LineChart.TOP + LineChart.HEIGHT - LineChart.BOTTOM) / 2.0);
    }

    @Test
    void valuesOutsideTheAxisAreClampedToIt() {
        assertThat(chart.y(250)).isEqualTo(LineChart.TOP);
    }

    @Test
    void theBandRunsAlongTheHighsAndBackAlongTheLows() {
        // x: 52, 398, 744; y = 220 - (value + 100) * 1.03 (206 px for 200 points)
        assertThat(chart.bandPath()).isEqualTo("M52,96.4 L398,55.2 L744,199.4 L744,220 L398,75.8 L52,137.6 Z");
        assertThat(chart.linePoints()).isEqualTo("52,117 398,65.5 744,220");
    }

    @Test
    void withoutIntervalsThereIsNoBand() {
        LineChart plain = new LineChart("CSAT", List.of(LineChart.Point.of("a", 10)), 0, 100, "%");

        assertThat(plain.bandPath()).isEmpty();
        assertThat(plain.svg()).doesNotContain("class=\"band\"");
        // A single point sits in the middle.
        assertThat(plain.x(0)).isEqualTo((LineChart.LEFT + LineChart.WIDTH - LineChart.RIGHT) / 2.0);
    }

    @Test
    void theSvgIsWellFormedWithATooltipPerPoint() throws Exception {
        Document svg = Svg.parse(chart.svg());

        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(3);
        assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(chart.svg()).contains("2026-01-02: 50.0 (95% interval 40.0 to 60.0)");
    }

    @Test
    void labelsAndTitlesAreEscaped() throws Exception {
        LineChart hostile = new LineChart("<b>\"x\"</b>", List.of(LineChart.Point.of("</text><script>", 1)), 0, 2, "&");

        String svg = hostile.svg();
        Svg.parse(svg);
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;/text&gt;&lt;script&gt;");
    }

    @Test
    void xLabelsAreThinnedToAFewSpreadOverTheAxis() {
        assertThat(LineChart.labelIndexes(5, 8)).containsExactly(0, 1, 2, 3, 4);
        assertThat(LineChart.labelIndexes(100, 4)).containsExactly(0, 33, 66, 99);
    }

    @Test
    void rejectsAnEmptyChartAndAnEmptyAxis() {
        assertThatThrownBy(() -> new LineChart("t", List.of(), 0, 1, "")).hasMessageContaining("at least one point");
        assertThatThrownBy(() -> new LineChart("t", List.of(LineChart.Point.of("a", 1)), 1, 1, ""))
                .hasMessageContaining("must be below");
    }
}
