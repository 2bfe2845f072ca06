package dev.rapport.metrics.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TestNpsAggregate {

    @Test
    void countsEachCategory() {
        // 10, 9 promoters; 8, 7 passives; 6, 0, 3 detractors
        NpsAggregate aggregate = NpsAggregate.of(10, 9, 8, 7, 6, 0, 3);

        assertThat(aggregate).isEqualTo(new NpsAggregate(7, 2, 2, 3));
        // 100 * (2 - 3) / 7 = -14.2857...
        assertThat(aggregate.nps()).hasValueCloseTo(-14.285714, within(1e-6));
    }

    @Test
    void scoreRunsFromMinusHundredToHundred() {
        assertThat(NpsAggregate.of(10, 9, 10).nps()).hasValue(100.0);
        assertThat(NpsAggregate.of(0, 6, 5).nps()).hasValue(-100.0);
        assertThat(NpsAggregate.of(7, 8).nps()).hasValue(0.0);
        // 3 promoters, 1 passive, 1 detractor: 100 * 2 / 5 = 40
        assertThat(NpsAggregate.of(9, 9, 10, 7, 2).nps()).hasValue(40.0);
    }

    @Test
    void noResponsesHaveNoScore() {
        assertThat(NpsAggregate.empty().nps()).isEmpty();
        assertThat(NpsAggregate.of().responses()).isZero();
    }

    @Test
    void aggregatesAddUpAsCounts() {
        NpsAggregate monday = NpsAggregate.of(10, 0); // NPS 0
        NpsAggregate tuesday = NpsAggregate.of(9, 9, 9, 1); // NPS 50

        NpsAggregate both = monday.plus(tuesday);

        assertThat(both).isEqualTo(new NpsAggregate(6, 4, 0, 2));
        // 100 * (4 - 2) / 6 = 33.33..., not the mean of the daily scores (25)
        assertThat(both.nps()).hasValueCloseTo(33.333333, within(1e-6));
    }

    @Test
    void partsMustAddUpToResponses() {
        assertThatThrownBy(() -> new NpsAggregate(5, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("promoters 1 + passives 1 + detractors 1 is not responses 5");
        assertThatThrownBy(() -> new NpsAggregate(0, -1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsScoresOffTheScale() {
        assertThatThrownBy(() -> NpsAggregate.of(9, 12)).isInstanceOf(IllegalArgumentException.class);
    }
}
