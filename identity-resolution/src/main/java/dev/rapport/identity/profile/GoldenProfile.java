package dev.rapport.identity.profile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The golden record of one customer: one row of {@code identity.customer_profile} without the run
 * time. Nullable fields are {@code null} when no record has a value; timestamps are microseconds,
 * the birth date days since the epoch.
 */
public record GoldenProfile(
        String customerId,
        String firstName,
        String lastName,
        String fullName,
        String email,
        String phone,
        List<String> emails,
        List<String> phones,
        String street,
        String city,
        String postcode,
        String country,
        Integer birthDate,
        String company,
        List<String> sources,
        int recordCount,
        Long firstSeen,
        Long lastUpdated) {

    public GoldenProfile {
        requireNonNull(customerId, "customerId is null");
        emails = List.copyOf(requireNonNull(emails, "emails is null"));
        phones = List.copyOf(requireNonNull(phones, "phones is null"));
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }

    /** Ids and counts only: the other fields are personal data. */
    @Override
    public String toString() {
        return "GoldenProfile{" + customerId + ", records=" + recordCount + ", sources=" + sources + "}";
    }
}
