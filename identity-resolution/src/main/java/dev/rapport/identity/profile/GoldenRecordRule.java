package dev.rapport.identity.profile;

import dev.rapport.identity.record.ResolutionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Survivorship: builds a customer's golden record from its source records. Each attribute takes
 * the most recent non-empty value (by {@code updated_at}, then {@code created_at}, records without
 * one last, then record id so ties are decided the same way on every run). The address is taken
 * whole from the most recent record that has one, so street and city never come from two places.
 * Every distinct email and phone is kept, most recent first.
 */
public final class GoldenRecordRule {

    static final Comparator<ResolutionRecord> MOST_RECENT_FIRST = Comparator.comparing(
                    (ResolutionRecord record) -> record.updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(record -> record.createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(record -> record.recordId);

    private GoldenRecordRule() {}

    public static GoldenProfile build(String customerId, List<ResolutionRecord> records) {
        Objects.requireNonNull(customerId, "customerId is null");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("customer " + customerId + " has no records");
        }
        List<ResolutionRecord> recent = new ArrayList<>(records);
        recent.sort(MOST_RECENT_FIRST);

        String firstName = latest(recent, record -> record.firstName);
        String lastName = latest(recent, record -> record.lastName);
        String fullName = latest(recent, record -> record.fullName);
        if (fullName == null && (firstName != null || lastName != null)) {
            fullName = String.join(
                    " ",
                    java.util.stream.Stream.of(firstName, lastName)
                            .filter(Objects::nonNull)
                            .toList());
        }
        ResolutionRecord address = recent.stream()
                .filter(record -> present(record.street) || present(record.city) || present(record.postcode))
                .findFirst()
                .orElse(null);
        String country = address != null && present(address.country)
                ? address.country.trim()
                : latest(recent, record -> record.country);

        List<String> emails = distinct(recent, record -> record.email);
        List<String> phones = distinct(recent, record -> record.phoneE164);
        TreeSet<String> sources = new TreeSet<>();
        Long firstSeen = null;
        Long lastUpdated = null;
        for (ResolutionRecord record : recent) {
            sources.add(record.source);
            if (record.createdAt != null && (firstSeen == null || record.createdAt < firstSeen)) {
                firstSeen = record.createdAt;
            }
            if (record.updatedAt != null && (lastUpdated == null || record.updatedAt > lastUpdated)) {
                lastUpdated = record.updatedAt;
            }
        }
        return new GoldenProfile(
                customerId,
                firstName,
                lastName,
                fullName,
                emails.isEmpty() ? null : emails.get(0),
                phones.isEmpty() ? null : phones.get(0),
                emails,
                phones,
                address == null ? null : trimmedOrNull(address.street),
                address == null ? null : trimmedOrNull(address.city),
                address == null ? null : trimmedOrNull(address.postcode),
                country,
                recent.stream()
                        .map(record -> record.birthDate)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null),
                latest(recent, record -> record.company),
                List.copyOf(sources),
                records.size(),
                firstSeen,
                lastUpdated);
    }

    private static String latest(List<ResolutionRecord> recent, Function<ResolutionRecord, String> field) {
        for (ResolutionRecord record : recent) {
            String value = field.apply(record);
            if (present(value)) {
                return value.trim();
            }
        }
        return null;
    }

    private static List<String> distinct(List<ResolutionRecord> recent, Function<ResolutionRecord, String> field) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (ResolutionRecord record : recent) {
            String value = field.apply(record);
            if (present(value)) {
                values.add(value.trim());
            }
        }
        return List.copyOf(values);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String trimmedOrNull(String value) {
        return present(value) ? value.trim() : null;
    }
}
