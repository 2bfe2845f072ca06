package dev.rapport.identity.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.record.ResolutionRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBlockingKeyRule {

    private final BlockingKeyRule rule = new BlockingKeyRule(IdentityConfig.defaults());

    @Test
    void aRecordJoinsABlockPerIdentifier() {
        ResolutionRecord record = record("crm", "7");
        record.emailKey = "ana@example.com";
        record.phoneE164 = "+381641111111";
        record.sourceCustomerRef = " B200 ";

        assertThat(describe(rule.keys(record)))
                .containsExactly(
                        "email:ana@example.com MEMBER email",
                        "phone:+381641111111 MEMBER phone",
                        "ref:B200 REFERRER source_customer_ref",
                        "ref:7 REFERENCED source_customer_ref");
    }

    @Test
    void aGenericMailboxJoinsNoBlock() {
        ResolutionRecord record = record("crm", "7");
        record.emailKey = "Info@firma.example";

        assertThat(describe(rule.keys(record))).containsExactly("ref:7 REFERENCED source_customer_ref");
    }

    @Test
    void onlyConfiguredRulesMakeKeys() {
        BlockingKeyRule phoneOnly =
                new BlockingKeyRule(IdentityConfig.fromMap(Map.of("rules", List.of("phone")), "identity"));
        ResolutionRecord record = record("crm", "7");
        record.emailKey = "ana@example.com";
        record.phoneE164 = "+381641111111";

        assertThat(describe(phoneOnly.keys(record))).containsExactly("phone:+381641111111 MEMBER phone");
    }

    @Test
    void blankIdentifiersMakeNoKeys() {
        ResolutionRecord record = record("crm", "7");
        record.emailKey = " ";
        record.phoneE164 = "";

        assertThat(describe(rule.keys(record))).containsExactly("ref:7 REFERENCED source_customer_ref");
    }

    @Test
    void keysCarryTheNameKeys() {
        ResolutionRecord record = record("crm", "7");
        record.phoneE164 = "+381641111111";
        record.firstNameKey = "ana";
        record.lastNameKey = "petrovic";

        BlockingKey key = rule.keys(record).get(0);
        assertThat(key.recordId).isEqualTo("id-crm-7");
        assertThat(key.source).isEqualTo("crm");
        assertThat(key.firstNameKey).isEqualTo("ana");
        assertThat(key.lastNameKey).isEqualTo("petrovic");
    }

    private static ResolutionRecord record(String source, String sourceId) {
        return new ResolutionRecord("id-" + source + "-" + sourceId, source, sourceId);
    }

    private static List<String> describe(List<BlockingKey> keys) {
        return keys.stream().map(k -> k.key + " " + k.role + " " + k.rule).toList();
    }
}
