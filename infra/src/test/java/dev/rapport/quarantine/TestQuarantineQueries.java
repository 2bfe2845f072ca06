package dev.rapport.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestQuarantineQueries {

    @Test
    void inputsThatCouldChangeTheQueryAreRefused() {
        assertThatThrownBy(() -> QuarantineQueries.list("esp' OR '1'='1", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a source name");
        assertThatThrownBy(() -> QuarantineQueries.show("x' OR 1=1 --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> QuarantineQueries.list(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSourceFilterAndALimitShapeTheList() {
        assertThat(QuarantineQueries.list("esp", 5))
                .contains("WHERE source = 'esp'")
                .endsWith("LIMIT 5");
        assertThat(QuarantineQueries.list(null, 100)).doesNotContain("WHERE");
    }
}
