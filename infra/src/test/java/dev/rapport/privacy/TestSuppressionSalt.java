package dev.rapport.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSuppressionSalt {

    @Test
    void anUnsetSaltSaysWhichVariableToSet() {
        assertThatThrownBy(() -> SuppressionSalt.from(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("RAPPORT_SUPPRESSION_SALT is not set")
                .hasMessageContaining("at least 16 characters");
    }

    @Test
    void aShortSaltIsRefused() {
        assertThatThrownBy(() -> SuppressionSalt.from(Map.of("RAPPORT_SUPPRESSION_SALT", "short")))
                .hasMessage("RAPPORT_SUPPRESSION_SALT is too short (5 characters): use at least 16");
    }

    @Test
    void aLongEnoughSaltIsUsedAsGiven() {
        assertThat(SuppressionSalt.from(Map.of("RAPPORT_SUPPRESSION_SALT", "0123456789abcdef")))
                .isEqualTo("0123456789abcdef");
    }
}
