package dev.rapport.metrics.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestClickToOpenRate {

    @Test
    void clicksOverOpens() {
        assertThat(ClickToOpenRate.of(1, 4)).hasValue(0.25);
        assertThat(ClickToOpenRate.of(0, 3)).hasValue(0.0);
    }

    @Test
    void noOpensNoRate() {
        assertThat(ClickToOpenRate.of(0, 0)).isEmpty();
        assertThat(ClickToOpenRate.of(2, 0)).isEmpty();
    }

    @Test
    void aDayCanHaveMoreClicksThanOpens() {
        // opened yesterday, clicked today
        assertThat(ClickToOpenRate.of(2, 1)).hasValue(2.0);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> ClickToOpenRate.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
