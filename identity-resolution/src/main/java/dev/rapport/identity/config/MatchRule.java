package dev.rapport.identity.config;

import java.util.Arrays;
import java.util.Optional;

/** A deterministic matching rule: records that share this identifier (and compatible names) are one customer. */
public enum MatchRule {
    /** The same {@code email_key}, unless the mailbox is a generic one such as {@code info@}. */
    EMAIL("email"),
    /** The same {@code phone_e164}. */
    PHONE("phone"),
    /** A record's {@code source_customer_ref} equals another source's {@code source_id}. */
    SOURCE_CUSTOMER_REF("source_customer_ref");

    private final String configName;

    MatchRule(String configName) {
        this.configName = configName;
    }

    /** The name in {@code rapport.yaml} and in {@code identity_map.match_rule}. */
    public String configName() {
        return configName;
    }

    public static Optional<MatchRule> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(rule -> rule.configName.equals(name))
                .findFirst();
    }
}
