package dev.rapport.identity.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the golden record picks one value of an attribute among a customer's records. */
public enum SurvivorshipRule {
    /** The most recent record that has a value: {@code updated_at}, then {@code created_at}, then record id. */
    RECENCY("recency"),
    /** The record of the most trusted source that has a value; records of equally trusted sources by recency. */
    TRUST("trust");

    private final String configName;

    SurvivorshipRule(String configName) {
        this.configName = configName;
    }

    /** The name in {@code rapport.yaml}. */
    public String configName() {
        return configName;
    }

    public static Optional<SurvivorshipRule> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(rule -> rule.configName.equals(name))
                .findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(SurvivorshipRule::configName).collect(Collectors.joining(", "));
    }
}
