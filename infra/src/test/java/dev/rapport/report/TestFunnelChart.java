package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestFunnelChart {

    @Test
    void barsAreCentredAndProportionalToTheLargestStage() throws Exception {
        FunnelChart funnel = new FunnelChart(
                "f",
                List.of(
                        new FunnelChart.Stage("visited", 200, ""),
                        new FunnelChart.Stage("bought", 50, "25.0% of visited")));

        assertThat(funnel.barWidth(1)).isEqualTo(funnel.barWidth(0) / 4);
        assertThat(funnel.barX(0) + funnel.barWidth(0) / 2).isEqualTo(funnel.barX(1) + funnel.barWidth(1) / 2);
        Svg.parse(funnel.svg());
        assertThat(funnel.svg()).contains("25.0% of visited").contains(">200<");
    }

    @Test
    void anEmptyStageStillShowsASliver() {
        FunnelChart funnel =
                new FunnelChart("f", List.of(new FunnelChart.Stage("a", 10, ""), new FunnelChart.Stage("b", 0, "")));

        assertThat(funnel.barWidth(1)).isEqualTo(2);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new FunnelChart.Stage("a", -1, "")).hasMessageContaining("negative");
    }
}
