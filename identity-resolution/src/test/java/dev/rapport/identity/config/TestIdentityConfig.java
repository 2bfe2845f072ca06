package dev.rapport.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIdentityConfig {

    @Test
    void aMissingOrEmptySectionGivesTheDefaults() {
        IdentityConfig expected = IdentityConfig.defaults();

        assertThat(IdentityConfig.fromMap(null, "identity")).isEqualTo(expected);
        assertThat(IdentityConfig.fromMap(Map.of(), "identity")).isEqualTo(expected);
        assertThat(expected.rules()).containsExactly(MatchRule.EMAIL, MatchRule.PHONE, MatchRule.SOURCE_CUSTOMER_REF);
        assertThat(expected.maxBlockSize()).isEqualTo(50);
        assertThat(expected.genericMailboxes()).contains("info", "office", "sales", "support", "kontakt", "billing");
    }

    @Test
    void readsEverySetting() {
        IdentityConfig config = IdentityConfig.fromMap(
                Map.of("rules", List.of("phone", "email"), "max_block_size", 10, "generic_mailboxes", List.of("Desk")),
                "identity");

        assertThat(config.rules()).containsExactly(MatchRule.PHONE, MatchRule.EMAIL);
        assertThat(config.maxBlockSize()).isEqualTo(10);
        assertThat(config.isGenericMailbox("desk")).isTrue();
        assertThat(config.isGenericMailbox("DESK")).isTrue();
        assertThat(config.isGenericMailbox("info")).isFalse();
    }

    @Test
    void anUnknownRuleNamesItsPosition() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("rules", List.of("email", "fax")), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.rules[1]");
                    assertThat(e.problem()).contains("unknown rule 'fax'").contains("source_customer_ref");
                });
    }

    @Test
    void aRuleListedTwiceIsAnError() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("rules", List.of("email", "email")), "identity"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("identity.rules[1]"));
    }

    @Test
    void rulesMustBeANonEmptyList() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("rules", "email"), "identity"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("identity.rules"));
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("rules", List.of()), "identity"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("identity.rules"));
    }

    @Test
    void maxBlockSizeMustBeAWholeNumberOfAtLeastTwo() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("max_block_size", 1), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.max_block_size");
                    assertThat(e.problem()).contains("between 2 and 100000");
                });
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("max_block_size", "many"), "identity"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("identity.max_block_size"));
    }

    @Test
    void aGenericMailboxIsALocalPart() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(
                        Map.of("generic_mailboxes", List.of("info", "info@example.com")), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key())
                        .isEqualTo("identity.generic_mailboxes[1]"));
    }

    @Test
    void anUnknownSettingIsAnError() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("threshold", 0.9), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.threshold");
                    assertThat(e.problem()).contains("generic_mailboxes, max_block_size, probabilistic, rules");
                });
    }

    @Test
    void probabilisticMatchingIsOnByDefaultAndConfigurable() {
        assertThat(IdentityConfig.defaults().probabilistic()).isEqualTo(ProbabilisticConfig.defaults());
        assertThat(ProbabilisticConfig.defaults().enabled()).isTrue();

        IdentityConfig config = IdentityConfig.fromMap(
                Map.of(
                        "probabilistic",
                        Map.of("enabled", false, "threshold", 0.99, "max_block_size", 500, "conflict_override", 0.999)),
                "identity");

        assertThat(config.probabilistic()).isEqualTo(new ProbabilisticConfig(false, 0.99, 500, 0.999));
    }

    @Test
    void aThresholdOutsideZeroToOneIsAnError() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("probabilistic", Map.of("threshold", 1.5)), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.probabilistic.threshold");
                    assertThat(e.problem()).contains("between 0 and 1");
                });
    }

    @Test
    void aConflictOverrideOutsideZeroToOneIsAnError() {
        assertThatThrownBy(() ->
                        IdentityConfig.fromMap(Map.of("probabilistic", Map.of("conflict_override", 1)), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.probabilistic.conflict_override");
                    assertThat(e.problem()).contains("between 0 and 1");
                });
    }

    @Test
    void theModelIsEstimatedByDefaultAndCanBeReused() {
        assertThat(ProbabilisticConfig.defaults().model()).isEqualTo(ProbabilisticConfig.Model.ESTIMATE);
        IdentityConfig config = IdentityConfig.fromMap(Map.of("probabilistic", Map.of("model", "reuse")), "identity");
        assertThat(config.probabilistic().model()).isEqualTo(ProbabilisticConfig.Model.REUSE);
    }

    @Test
    void anUnknownModelSourceIsAnError() {
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("probabilistic", Map.of("model", "learn")), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.probabilistic.model");
                    assertThat(e.problem()).isEqualTo("must be estimate or reuse, got 'learn'");
                });
    }
}
