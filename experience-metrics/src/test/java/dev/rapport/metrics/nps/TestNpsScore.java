package dev.rapport.metrics.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestNpsScore {

    @Test
    void detractorsAreZeroToSix() {
        for (int score = 0; score <= 6; score++) {
            assertThat(NpsScore.classify(score)).as("score %d", score).isEqualTo(NpsCategory.DETRACTOR);
        }
    }

    @Test
    void passivesAreSevenAndEight() {
        assertThat(NpsScore.classify(7)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsScore.classify(8)).isEqualTo(NpsCategory.PASSIVE);
    }

    @Test
    void promotersAreNineAndTen() {
        assertThat(NpsScore.classify(9)).isEqualTo(NpsCategory.PROMOTER);
        assertThat(NpsScore.classify(10)).isEqualTo(NpsCategory.PROMOTER);
    }

    @Test
    void scoresOffTheScaleAreRejected() {
        assertThat(NpsScore.isValid(-1)).isFalse();
        assertThat(NpsScore.isValid(11)).isFalse();
        assertThat(NpsScore.isValid(0)).isTrue();
        assertThat(NpsScore.isValid(10)).isTrue();
        assertThatThrownBy(() -> NpsScore.classify(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an NPS score is 0 to 10, got 11");
        assertThatThrownBy(() -> NpsScore.classify(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
