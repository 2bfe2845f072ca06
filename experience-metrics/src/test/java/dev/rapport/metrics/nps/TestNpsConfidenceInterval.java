package dev.rapport.metrics.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TestNpsConfidenceInterval {

    @Test
    void normalApproximationOfTheMeanOfPlusHundredZeroMinusHundred() {
        // 50 promoters, 30 passives, 20 detractors: nps 30; values +100 x50, 0 x30, -100 x20
        // variance = 10000 * 70/100 - 30^2 = 6100; se = sqrt(6100 / 100) = 7.81025; 1.959964 * se = 15.30781
        NpsConfidenceInterval interval = NpsConfidenceInterval.of(new NpsAggregate(100, 50, 30, 20));

        assertThat(interval.low()).isCloseTo(14.69219, within(1e-5));
        assertThat(interval.high()).isCloseTo(45.30781, within(1e-5));
    }

    @Test
    void clampedToTheScale() {
        // 2 promoters, 1 detractor: nps 33.33, variance 10000 - 1111.1 = 8888.9, se = sqrt(8888.9 / 3) = 54.43,
        // 1.96 * se = 106.69: 33.33 + 106.69 is past the top of the scale
        NpsConfidenceInterval interval = NpsConfidenceInterval.of(new NpsAggregate(3, 2, 0, 1));

        assertThat(interval.low()).isCloseTo(-73.3536, within(1e-4));
        assertThat(interval.high()).isEqualTo(100.0);
        assertThat(NpsConfidenceInterval.of(new NpsAggregate(3, 0, 0, 3).plus(new NpsAggregate(1, 1, 0, 0)))
                        .low())
                .isEqualTo(-100.0);
    }

    @Test
    void oneCategoryOnlyHasNoWidth() {
        assertThat(NpsConfidenceInterval.of(new NpsAggregate(4, 4, 0, 0)))
                .isEqualTo(new NpsConfidenceInterval(100, 100));
        assertThat(NpsConfidenceInterval.of(new NpsAggregate(1, 0, 1, 0))).isEqualTo(new NpsConfidenceInterval(0, 0));
    }

    @Test
    void noResponsesNoInterval() {
        assertThatThrownBy(() -> NpsConfidenceInterval.of(NpsAggregate.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
