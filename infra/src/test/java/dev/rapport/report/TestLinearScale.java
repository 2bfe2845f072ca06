package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestLinearScale {

    @Test
    void mapsTheDomainOntoTheRangeEvenBackwards() {
        LinearScale y = new LinearScale(-100, 100, 220, 20);

        assertThat(y.map(-100)).isEqualTo(220);
        assertThat(y.map(100)).isEqualTo(20);
        assertThat(y.map(0)).isEqualTo(120);
    }

    @Test
    void aDomainOfZeroWidthMapsToTheMiddle() {
        assertThat(new LinearScale(5, 5, 0, 100).map(5)).isEqualTo(50);
    }

    @Test
    void ticksAreRoundAndInsideTheDomain() {
        assertThat(new LinearScale(-30, 70, 0, 1).ticks(5)).containsExactly(-20.0, 0.0, 20.0, 40.0, 60.0);
        assertThat(new LinearScale(0, 100, 0, 1).ticks(5)).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
    }

    @Test
    void rejectsAnInvertedDomain() {
        assertThatThrownBy(() -> new LinearScale(1, 0, 0, 1)).hasMessageContaining("not a finite interval");
    }
}
