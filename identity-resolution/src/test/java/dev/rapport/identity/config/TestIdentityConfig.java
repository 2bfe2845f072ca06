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
    void incrementalIsOffUnlessSetAndMustBeABoolean() {
        assertThat(IdentityConfig.defaults().incremental()).isFalse();
        assertThat(IdentityConfig.fromMap(Map.of("incremental", true), "identity")
                        .incremental())
                .isTrue();
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("incremental", "yes please"), "identity"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.incremental");
                    assertThat(e.problem()).contains("true or false");
                });
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
                    assertThat(e.problem())
                            .contains(
                                    "generic_mailboxes, incremental, max_block_size, max_cluster_size, probabilistic, rules");
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
    void survivorshipIsRecencyForEveryFieldByDefault() {
        SurvivorshipConfig survivorship = IdentityConfig.defaults().survivorship();

        assertThat(survivorship).isEqualTo(SurvivorshipConfig.defaults());
        assertThat(IdentityConfig.fromMap(Map.of("survivorship", Map.of()), "identity")
                        .survivorship())
                .isEqualTo(survivorship);
        for (SurvivorshipField field : SurvivorshipField.values()) {
            assertThat(survivorship.ruleFor(field)).isEqualTo(SurvivorshipRule.RECENCY);
        }
        assertThat(survivorship.trustOf("erp")).isZero();
    }

    @Test
    void readsTheSurvivorshipPolicy() {
        IdentityConfig config = IdentityConfig.fromMap(
                Map.of(
                        "survivorship",
                        Map.of(
                                "source_trust",
                                Map.of("erp", 3, "crm", 2, "shop", 0),
                                "default",
                                "trust",
                                "fields",
                                Map.of("birth_date", "trust", "email", "recency", "name", "recency"))),
                "identity");

        SurvivorshipConfig survivorship = config.survivorship();
        assertThat(survivorship.sourceTrust()).isEqualTo(Map.of("erp", 3, "crm", 2, "shop", 0));
        assertThat(survivorship.trustOf("erp")).isEqualTo(3);
        assertThat(survivorship.trustOf("web")).isZero();
        assertThat(survivorship.defaultRule()).isEqualTo(SurvivorshipRule.TRUST);
        assertThat(survivorship.ruleFor(SurvivorshipField.BIRTH_DATE)).isEqualTo(SurvivorshipRule.TRUST);
        assertThat(survivorship.ruleFor(SurvivorshipField.EMAIL)).isEqualTo(SurvivorshipRule.RECENCY);
        assertThat(survivorship.ruleFor(SurvivorshipField.NAME)).isEqualTo(SurvivorshipRule.RECENCY);
        assertThat(survivorship.ruleFor(SurvivorshipField.COMPANY)).isEqualTo(SurvivorshipRule.TRUST);
        assertThat(survivorship)
                .isEqualTo(new SurvivorshipConfig(
                        Map.of("erp", 3, "crm", 2, "shop", 0),
                        SurvivorshipRule.TRUST,
                        Map.of(
                                SurvivorshipField.BIRTH_DATE,
                                SurvivorshipRule.TRUST,
                                SurvivorshipField.EMAIL,
                                SurvivorshipRule.RECENCY,
                                SurvivorshipField.NAME,
                                SurvivorshipRule.RECENCY)));
    }

    @Test
    void everyFieldGroupCanBeOverridden() {
        for (String field : List.of("name", "email", "phone", "address", "country", "birth_date", "company")) {
            SurvivorshipConfig survivorship = survivorship(Map.of("fields", Map.of(field, "trust")));

            assertThat(survivorship.ruleFor(
                            SurvivorshipField.fromConfigName(field).orElseThrow()))
                    .as(field)
                    .isEqualTo(SurvivorshipRule.TRUST);
        }
    }

    @Test
    void anUnknownSurvivorshipFieldIsNamed() {
        assertThatThrownBy(() -> survivorship(Map.of("fields", Map.of("first_name", "trust"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.survivorship.fields.first_name");
                    assertThat(e.problem())
                            .contains("unknown field")
                            .contains("name, email, phone, address, country, birth_date, company");
                });
    }

    @Test
    void anUnknownSurvivorshipRuleIsNamed() {
        assertThatThrownBy(() -> survivorship(Map.of("fields", Map.of("email", "newest"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.survivorship.fields.email");
                    assertThat(e.problem()).contains("unknown rule 'newest'").contains("recency, trust");
                });
        assertThatThrownBy(() -> survivorship(Map.of("default", "oldest")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.survivorship.default");
                    assertThat(e.problem()).contains("unknown rule 'oldest'");
                });
        assertThatThrownBy(() -> survivorship(Map.of("default", 1)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key())
                        .isEqualTo("identity.survivorship.default"));
    }

    @Test
    void sourceTrustIsAWholeNumberOfAtLeastZero() {
        assertThatThrownBy(() -> survivorship(Map.of("source_trust", Map.of("erp", -1))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.survivorship.source_trust.erp");
                    assertThat(e.problem())
                            .contains("whole number of at least 0")
                            .contains("'-1'");
                });
        assertThatThrownBy(() -> survivorship(Map.of("source_trust", Map.of("crm", 1.5))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key())
                        .isEqualTo("identity.survivorship.source_trust.crm"));
        assertThatThrownBy(() -> survivorship(Map.of("source_trust", Map.of("crm", "high"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key())
                        .isEqualTo("identity.survivorship.source_trust.crm"));
        assertThatThrownBy(() -> survivorship(Map.of("source_trust", List.of("erp", "crm"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key())
                        .isEqualTo("identity.survivorship.source_trust"));
    }

    @Test
    void anUnknownSurvivorshipSettingIsNamed() {
        assertThatThrownBy(() -> survivorship(Map.of("trust", Map.of("erp", 1))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.survivorship.trust");
                    assertThat(e.problem()).contains("default, fields, source_trust");
                });
        assertThatThrownBy(() -> IdentityConfig.fromMap(Map.of("survivorship", "trust"), "identity"))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("identity.survivorship"));
    }

    @Test
    void sourceTrustMustNameConfiguredSources() {
        SurvivorshipConfig survivorship = survivorship(Map.of("source_trust", Map.of("erp", 2, "crn", 1)));

        survivorship.requireKnownSources(List.of("crn", "erp", "shop"), "identity.survivorship");
        assertThatThrownBy(() -> survivorship.requireKnownSources(List.of("crm", "erp"), "identity.survivorship"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("identity.survivorship.source_trust.crn");
                    assertThat(e.problem()).contains("no source is named 'crn'").contains("crm, erp");
                });
    }

    private static SurvivorshipConfig survivorship(Map<String, Object> section) {
        return IdentityConfig.fromMap(Map.of("survivorship", section), "identity")
                .survivorship();
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
