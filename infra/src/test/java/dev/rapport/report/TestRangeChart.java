package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestRangeChart {

    @Test
    void everyRowSharesOneScaleFromZeroToTheLargest90thPercentile() throws Exception {
        RangeChart chart = new RangeChart(
                "t", List.of(new RangeChart.Range("a", 1, 2, 4, 10), new RangeChart.Range("b", 10, 20, 40, 100)), " h");

        assertThat(chart.x(0)).isEqualTo(RangeChart.LABEL_WIDTH);
        assertThat(chart.x(100)).isEqualTo(RangeChart.WIDTH - RangeChart.TEXT_WIDTH);
        assertThat(chart.x(50)).isEqualTo((RangeChart.LABEL_WIDTH + RangeChart.WIDTH - RangeChart.TEXT_WIDTH) / 2.0);
        Svg.parse(chart.svg());
        assertThat(chart.svg()).contains("median 20.0 h");
    }

    @Test
    void rejectsPercentilesOutOfOrder() {
        assertThatThrownBy(() -> new RangeChart.Range("a", 5, 2, 4, 10)).hasMessageContaining("not ordered");
    }
}
