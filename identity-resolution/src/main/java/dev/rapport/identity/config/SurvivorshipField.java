package dev.rapport.identity.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A golden-record attribute whose survivorship rule can be set on its own. Attributes that belong
 * together are one field, so they always come from the same record under the trust rule.
 */
public enum SurvivorshipField {
    /** {@code first_name}, {@code last_name} and {@code full_name} together. */
    NAME("name"),
    /** The preferred {@code email}; every email is kept in {@code emails} either way. */
    EMAIL("email"),
    /** The preferred {@code phone}; every phone is kept in {@code phones} either way. */
    PHONE("phone"),
    /** {@code street}, {@code city} and {@code postcode}, always taken whole from one record. */
    ADDRESS("address"),
    /** {@code country} when the record that gave the address has none. */
    COUNTRY("country"),
    BIRTH_DATE("birth_date"),
    COMPANY("company");

    private final String configName;

    SurvivorshipField(String configName) {
        this.configName = configName;
    }

    /** The name in {@code rapport.yaml}. */
    public String configName() {
        return configName;
    }

    public static Optional<SurvivorshipField> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(field -> field.configName.equals(name))
                .findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(SurvivorshipField::configName).collect(Collectors.joining(", "));
    }
}
