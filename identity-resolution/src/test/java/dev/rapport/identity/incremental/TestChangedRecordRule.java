package dev.rapport.identity.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestChangedRecordRule {

    @Test
    void recordSeenWithTheSameIngestionTimeIsUnchanged() {
        assertThat(ChangedRecordRule.changed(true, 100L, List.of(100L, 100L))).isFalse();
    }

    @Test
    void reingestedRecordChanged() {
        assertThat(ChangedRecordRule.changed(true, 200L, List.of(100L))).isTrue();
    }

    @Test
    void newRecordChanged() {
        assertThat(ChangedRecordRule.changed(true, 100L, List.of())).isTrue();
    }

    @Test
    void deletedRecordChanged() {
        assertThat(ChangedRecordRule.changed(false, null, List.of(100L))).isTrue();
    }

    @Test
    void recordWithoutIngestionTimeCountsAsChanged() {
        assertThat(ChangedRecordRule.changed(true, null, Arrays.asList((Long) null)))
                .isTrue();
        assertThat(ChangedRecordRule.changed(true, 100L, Arrays.asList((Long) null)))
                .isTrue();
    }

    @Test
    void changedRecordTouchesTheBlocksItJoinsAndTheBlocksItLeft() {
        assertThat(ChangedRecordRule.touchedBlocks(
                        List.of("email:new@example.com", "phone:+381641111111"),
                        Arrays.asList("email:old@example.com", "phone:+381641111111", null)))
                .containsExactly("email:new@example.com", "email:old@example.com", "phone:+381641111111");
    }
}
