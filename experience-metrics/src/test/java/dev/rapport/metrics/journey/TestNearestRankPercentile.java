package dev.rapport.metrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.metrics.journey.function.NearestRankFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestNearestRankPercentile {

    @Test
    void rankIsTheCeilingOfTheShare() {
        // ceil(p / 100 * n)
        assertThat(NearestRankPercentile.rank(4, 25)).isEqualTo(1);
        assertThat(NearestRankPercentile.rank(4, 50)).isEqualTo(2);
        assertThat(NearestRankPercentile.rank(4, 75)).isEqualTo(3);
        assertThat(NearestRankPercentile.rank(4, 90)).isEqualTo(4);
        assertThat(NearestRankPercentile.rank(5, 50)).isEqualTo(3);
        assertThat(NearestRankPercentile.rank(10, 90)).isEqualTo(9);
        assertThat(NearestRankPercentile.rank(11, 90)).isEqualTo(10);
        assertThat(NearestRankPercentile.rank(100, 25)).isEqualTo(25);
        assertThat(NearestRankPercentile.rank(101, 25)).isEqualTo(26);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(NearestRankPercentile.rank(1, 1)).isEqualTo(1);
        assertThat(NearestRankPercentile.rank(1, 50)).isEqualTo(1);
        assertThat(NearestRankPercentile.rank(1, 100)).isEqualTo(1);
        assertThat(NearestRankPercentile.of(List.of(7.5), 90)).isEqualTo(7.5);
    }

    @Test
    void percentileIsAlwaysAnObservedValue() {
        List<Double> sorted = List.of(6.0, 24.0, 48.0, 100.0);

        assertThat(NearestRankPercentile.of(sorted, 25)).isEqualTo(6.0);
        // an interpolating median would say 36
        assertThat(NearestRankPercentile.of(sorted, 50)).isEqualTo(24.0);
        assertThat(NearestRankPercentile.of(sorted, 75)).isEqualTo(48.0);
        assertThat(NearestRankPercentile.of(sorted, 90)).isEqualTo(100.0);
        assertThat(NearestRankPercentile.of(sorted, 100)).isEqualTo(100.0);
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThatThrownBy(() -> NearestRankPercentile.rank(4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percent must be from 1 to 100, got 0");
        assertThatThrownBy(() -> NearestRankPercentile.rank(4, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percent must be from 1 to 100, got 101");
        assertThatThrownBy(() -> NearestRankPercentile.rank(0, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be at least 1, got 0");
        assertThatThrownBy(() -> NearestRankPercentile.of(List.of(), 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no values");
    }

    @Test
    void functionGivesTheRankOrNullWithoutValues() {
        NearestRankFunction function = new NearestRankFunction();

        assertThat(function.eval(4L, 50)).isEqualTo(2L);
        assertThat(function.eval(0L, 50)).isNull();
        assertThat(function.eval(null, 50)).isNull();
        assertThat(function.eval(4L, null)).isNull();
    }
}
