package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestBarChart {

    private static final double PLOT = BarChart.WIDTH - BarChart.TEXT_WIDTH - BarChart.LABEL_WIDTH;

    @Test
    void positiveBarsStartAtTheLeftAndAreProportional() {
        BarChart chart = new BarChart("t", List.of(new BarChart.Bar("a", 100, "100"), new BarChart.Bar("b", 25, "25")));

        assertThat(chart.barX(0)).isEqualTo(BarChart.LABEL_WIDTH);
        assertThat(chart.barWidth(0)).isEqualTo(PLOT);
        assertThat(chart.barWidth(1)).isEqualTo(PLOT / 4);
        assertThat(chart.height()).isEqualTo(2 * BarChart.ROW + 2 * BarChart.PAD);
    }

    @Test
    void negativeBarsGrowLeftFromAZeroLine() {
        BarChart chart =
                new BarChart("t", List.of(new BarChart.Bar("good", 30, "+30"), new BarChart.Bar("bad", -10, "-10")));
        double zero = BarChart.LABEL_WIDTH + PLOT * 10 / 40;

        assertThat(chart.barX(0)).isEqualTo(zero);
        assertThat(chart.barWidth(0)).isEqualTo(PLOT * 30 / 40);
        assertThat(chart.barX(1)).isEqualTo(BarChart.LABEL_WIDTH);
        assertThat(chart.barWidth(1)).isEqualTo(zero - BarChart.LABEL_WIDTH);
        assertThat(chart.svg()).contains("class=\"bar negative\"");
    }

    @Test
    void allZeroBarsHaveNoWidth() {
        BarChart chart = new BarChart("t", List.of(new BarChart.Bar("a", 0, "0")));

        assertThat(chart.barWidth(0)).isZero();
    }

    @Test
    void labelsAndTextsAreEscapedAndLongLabelsShortened() throws Exception {
        BarChart chart = new BarChart("t", List.of(new BarChart.Bar("<img src=x onerror=alert(1)>", 1, "a & b \"c\"")));

        String svg = chart.svg();
        Svg.parse(svg);
        assertThat(svg).doesNotContain("<img").contains("a &amp; b &quot;c&quot;");
        assertThat(BarChart.shorten("abcdef", 4)).isEqualTo("abc\u2026");
    }
}
