package dev.rapport.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.identity.record.ResolutionRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestGoldenRecordRule {

    @Test
    void eachAttributeTakesTheMostRecentNonEmptyValue() {
        ResolutionRecord old = record("r1", "crm", 100L, 1_000L);
        old.firstName = "Ana";
        old.lastName = "Petrović";
        old.email = "ana@old.example";
        old.phoneE164 = "+381641111111";
        old.company = "Old d.o.o.";
        old.birthDate = 7_000;
        ResolutionRecord recent = record("r2", "erp", 200L, 2_000L);
        recent.lastName = "Marković";
        recent.email = "ana@new.example";
        recent.company = " ";

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(old, recent));

        assertThat(profile.firstName()).isEqualTo("Ana");
        assertThat(profile.lastName()).isEqualTo("Marković");
        assertThat(profile.fullName()).isEqualTo("Ana Marković");
        assertThat(profile.email()).isEqualTo("ana@new.example");
        assertThat(profile.emails()).containsExactly("ana@new.example", "ana@old.example");
        assertThat(profile.phone()).isEqualTo("+381641111111");
        assertThat(profile.company()).isEqualTo("Old d.o.o.");
        assertThat(profile.birthDate()).isEqualTo(7_000);
        assertThat(profile.sources()).containsExactly("crm", "erp");
        assertThat(profile.recordCount()).isEqualTo(2);
        assertThat(profile.firstSeen()).isEqualTo(100L);
        assertThat(profile.lastUpdated()).isEqualTo(2_000L);
    }

    @Test
    void theAddressComesWholeFromOneRecord() {
        ResolutionRecord old = record("r1", "crm", 100L, 1_000L);
        old.street = "Knez Mihailova 1";
        old.city = "Beograd";
        old.postcode = "11000";
        old.country = "RS";
        ResolutionRecord recent = record("r2", "erp", 200L, 2_000L);
        recent.city = "Novi Sad";

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(old, recent));

        assertThat(profile.street()).isNull();
        assertThat(profile.city()).isEqualTo("Novi Sad");
        assertThat(profile.postcode()).isNull();
        assertThat(profile.country()).isEqualTo("RS");
    }

    @Test
    void recordsWithoutAnUpdateTimeCountAsOldest() {
        ResolutionRecord undated = record("r1", "crm", null, null);
        undated.email = "undated@example.com";
        ResolutionRecord dated = record("r2", "erp", 100L, 100L);
        dated.email = "dated@example.com";

        GoldenProfile profile = GoldenRecordRule.build("c-1", List.of(undated, dated));

        assertThat(profile.email()).isEqualTo("dated@example.com");
        assertThat(profile.firstSeen()).isEqualTo(100L);
        assertThat(GoldenRecordRule.build("c-1", List.of(dated, undated))).isEqualTo(profile);
    }

    @Test
    void aCustomerHasRecords() {
        assertThatThrownBy(() -> GoldenRecordRule.build("c-1", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c-1");
    }

    private static ResolutionRecord record(String id, String source, Long createdAt, Long updatedAt) {
        ResolutionRecord record = new ResolutionRecord(id, source, "s-" + id);
        record.createdAt = createdAt;
        record.updatedAt = updatedAt;
        return record;
    }
}
