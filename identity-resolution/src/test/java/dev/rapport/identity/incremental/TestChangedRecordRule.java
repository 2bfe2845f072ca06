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

    @Test
    void recordReingestedWithTheSameContentIsUnchanged() {
        assertThat(ChangedRecordRule.changed(true, 200L, "abc", List.of(100L, 100L), List.of("abc", "abc")))
                .isFalse();
    }

    @Test
    void recordReingestedWithOtherContentChanged() {
        assertThat(ChangedRecordRule.changed(true, 200L, "abd", List.of(100L), List.of("abc")))
                .isTrue();
    }

    @Test
    void withoutAStoredFingerprintTheIngestionTimeDecides() {
        assertThat(ChangedRecordRule.changed(true, 100L, "abc", List.of(100L), Arrays.asList((String) null)))
                .isFalse();
        assertThat(ChangedRecordRule.changed(true, 200L, "abc", List.of(100L), Arrays.asList((String) null)))
                .isTrue();
    }

    @Test
    void deletedRecordChangedWhateverItsFingerprint() {
        assertThat(ChangedRecordRule.changed(false, null, null, List.of(100L), List.of("abc")))
                .isTrue();
    }

    @Test
    void fingerprintCoversTheContentButNotTheIngestionTime() {
        dev.rapport.identity.record.ResolutionRecord record =
                new dev.rapport.identity.record.ResolutionRecord("r1", "crm", "1");
        record.email = "ana@example.com";
        record.ingestedAt = 100L;
        String before = RecordFingerprint.of(record);
        record.ingestedAt = 200L;
        assertThat(RecordFingerprint.of(record)).isEqualTo(before);
        record.email = "ana@example.org";
        assertThat(RecordFingerprint.of(record)).isNotEqualTo(before);
        record.email = null;
        record.phone = "";
        String emptyPhone = RecordFingerprint.of(record);
        record.phone = null;
        assertThat(RecordFingerprint.of(record)).isNotEqualTo(emptyPhone);
    }
}
