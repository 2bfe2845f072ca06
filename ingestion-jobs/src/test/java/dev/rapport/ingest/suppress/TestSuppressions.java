package dev.rapport.ingest.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestSuppressions {

    private static final String SALT = "a-salt-of-sixteen-chars";
    private static final Suppressions FORGOTTEN = new Suppressions(
            SALT,
            Set.of(
                    Suppressions.hash(SALT, Suppressions.EMAIL_KEY, "anapetrovic@gmail.com"),
                    Suppressions.hash(SALT, Suppressions.RECORD_ID, RecordIds.of("erp", "A-7"))));

    @Test
    void theHashDependsOnSaltKindAndValueAndHidesTheValue() {
        String hash = Suppressions.hash(SALT, Suppressions.EMAIL_KEY, "anapetrovic@gmail.com");

        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("anapetrovic");
        assertThat(Suppressions.hash("another-salt-16chars", Suppressions.EMAIL_KEY, "anapetrovic@gmail.com"))
                .isNotEqualTo(hash);
        assertThat(Suppressions.hash(SALT, Suppressions.RECORD_ID, "anapetrovic@gmail.com"))
                .isNotEqualTo(hash);
    }

    @Test
    void aCustomerRecordIsSuppressedByItsEmailKeyOrItsRecordId() {
        CustomerRecord byEmail = new CustomerRecord();
        byEmail.setSource("crm");
        byEmail.setSourceId("1");
        byEmail.setEmailKey("anapetrovic@gmail.com");
        CustomerRecord byId = new CustomerRecord();
        byId.setSource("erp");
        byId.setSourceId("A-7");
        CustomerRecord other = new CustomerRecord();
        other.setSource("erp");
        other.setSourceId("A-8");
        other.setEmailKey("marko@example.com");

        assertThat(FORGOTTEN.suppresses(byEmail)).isTrue();
        assertThat(FORGOTTEN.suppresses(byId)).isTrue();
        assertThat(FORGOTTEN.suppresses(other)).isFalse();
        assertThat(Suppressions.none().suppresses(byEmail)).isFalse();
    }

    @Test
    void anEventIsSuppressedByItsEmailKeyOrTheRecordItRefersTo() {
        Interaction byRef = new Interaction();
        byRef.setSource("shop");
        byRef.setCustomerSource("erp");
        byRef.setCustomerRef("A-7");
        Interaction sameSourceRef = new Interaction();
        sameSourceRef.setSource("erp");
        sameSourceRef.setCustomerRef("A-7");
        Interaction byEmail = new Interaction();
        byEmail.setSource("esp");
        byEmail.setEmailKey("anapetrovic@gmail.com");
        Interaction other = new Interaction();
        other.setSource("shop");
        other.setCustomerRef("A-7");

        assertThat(FORGOTTEN.suppresses(byRef)).isTrue();
        assertThat(FORGOTTEN.suppresses(sameSourceRef)).isTrue();
        assertThat(FORGOTTEN.suppresses(byEmail)).isTrue();
        assertThat(FORGOTTEN.suppresses(other)).isFalse();
    }

    @Test
    void aPayloadNamingTheAddressInAnyFormIsSuppressed() {
        assertThat(FORGOTTEN.suppressesPayload("17,Ana,A.Na.Petrovic+promo@GMAIL.com,31/02/1990"))
                .isTrue();
        assertThat(FORGOTTEN.suppressesPayload("{\"email\": \"marko@example.com\"}"))
                .isFalse();
        assertThat(FORGOTTEN.suppressesPayload(null)).isFalse();
    }
}
