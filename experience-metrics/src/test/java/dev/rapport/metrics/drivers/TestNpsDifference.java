package dev.rapport.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.metrics.nps.NpsAggregate;
import org.junit.jupiter.api.Test;

class TestNpsDifference {

    @Test
    void differenceIntervalAndPValueByHand() {
        // with: 10 P, 0 passive, 10 D -> nps 0, variance 10000; without: 30 P, 10 passive, 0 D -> nps 75,
        // variance 10000 * 30/40 - 5625 = 1875. se = sqrt(10000/20 + 1875/40) = sqrt(546.875) = 23.385
        NpsDifference difference =
                NpsDifference.between(new NpsAggregate(20, 10, 0, 10), new NpsAggregate(40, 30, 10, 0));
        assertThat(difference.difference()).isEqualTo(-75.0);
        assertThat(difference.z().getAsDouble()).isCloseTo(-75.0 / 23.3854, within(1e-3));
        assertThat(difference.ciLow().getAsDouble()).isCloseTo(-75.0 - 1.959964 * 23.3854, within(1e-3));
        assertThat(difference.ciHigh().getAsDouble()).isCloseTo(-75.0 + 1.959964 * 23.3854, within(1e-3));
        // z = -3.207: two-sided p = 0.00134
        assertThat(difference.pValue().getAsDouble()).isCloseTo(0.00134, within(1e-4));
        assertThat(difference.significant()).isTrue();
    }

    @Test
    void aSmallDifferenceIsNotSignificant() {
        NpsDifference difference =
                NpsDifference.between(NpsAggregate.of(10, 9, 3, 7, 8), NpsAggregate.of(10, 2, 8, 9, 7));
        assertThat(difference.difference()).isEqualTo(0.0);
        assertThat(difference.pValue().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(difference.significant()).isFalse();
    }

    @Test
    void noSpreadMeansNoTest() {
        NpsDifference difference = NpsDifference.between(NpsAggregate.of(10, 10), NpsAggregate.of(0));
        assertThat(difference.difference()).isEqualTo(200.0);
        assertThat(difference.pValue()).isEmpty();
        assertThat(difference.ciLow()).isEmpty();
        assertThat(difference.significant()).isFalse();
    }

    @Test
    void fewerThanFiveOnASideMeansNoTest() {
        NpsDifference difference = NpsDifference.between(NpsAggregate.of(10, 10), NpsAggregate.of(0, 3, 9, 7, 5, 8));
        assertThat(difference.difference()).isCloseTo(100.0 + 100.0 / 3, within(1e-9));
        assertThat(difference.pValue()).isEmpty();
        assertThat(difference.significant()).isFalse();
    }

    @Test
    void bothSidesNeedResponses() {
        assertThatThrownBy(() -> NpsDifference.between(NpsAggregate.empty(), NpsAggregate.of(9)))
                .hasMessage("both sides need responses: with 0, without 1");
    }
}
