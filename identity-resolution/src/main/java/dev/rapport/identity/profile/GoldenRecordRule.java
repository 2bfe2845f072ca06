package dev.rapport.identity.profile;

import dev.rapport.identity.config.SurvivorshipConfig;
import dev.rapport.identity.config.SurvivorshipField;
import dev.rapport.identity.config.SurvivorshipRule;
import dev.rapport.identity.record.ResolutionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Survivorship: builds a customer's golden record from its source records, following a
 * {@link SurvivorshipConfig} that gives each field one of two rules.
 *
 * <ul>
 *   <li>{@code recency} (the default): the most recent record that has a value, by
 *       {@code updated_at}, then {@code created_at}, records without one last, then record id so
 *       ties are decided the same way on every run.
 *   <li>{@code trust}: the record of the most trusted source that has a value (sources not
 *       listed rank 0); records of equally trusted sources in the recency order.
 * </ul>
 *
 * <p>Fields that belong together come from one record: the address (street, city, postcode) is
 * taken whole from the first record in its rule's order that has any of them, and the country
 * comes with it when that record has one (otherwise the country's own rule picks). Under
 * {@code trust} the name (first, last and full) is taken whole from the first record that has any
 * part of it; under {@code recency} each part is the most recent one, as it always was. A missing
 * full name is first and last name joined. Every distinct email and phone is kept, in the order
 * of the field's rule; the preferred one is the first.
 *
 * <p>A pure function: the same records and policy give the same profile in any order.
 */
public final class GoldenRecordRule {

    static final Comparator<ResolutionRecord> MOST_RECENT_FIRST = Comparator.comparing(
                    (ResolutionRecord record) -> record.updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(record -> record.createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(record -> record.recordId);

    private GoldenRecordRule() {}

    /** With the default policy: the most recent value of every field. */
    public static GoldenProfile build(String customerId, List<ResolutionRecord> records) {
        return build(customerId, records, SurvivorshipConfig.defaults());
    }

    public static GoldenProfile build(String customerId, List<ResolutionRecord> records, SurvivorshipConfig policy) {
        Objects.requireNonNull(customerId, "customerId is null");
        Objects.requireNonNull(policy, "policy is null");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("customer " + customerId + " has no records");
        }
        Ranking ranking = new Ranking(records, policy);

        Name name =
                switch (policy.ruleFor(SurvivorshipField.NAME)) {
                    case RECENCY -> Name.partByPart(ranking.recent);
                    case TRUST -> Name.wholeFromOne(ranking.trusted);
                };
        ResolutionRecord address = ranking.of(SurvivorshipField.ADDRESS).stream()
                .filter(record -> present(record.street) || present(record.city) || present(record.postcode))
                .findFirst()
                .orElse(null);
        String country = address != null && present(address.country)
                ? address.country.trim()
                : first(ranking.of(SurvivorshipField.COUNTRY), record -> record.country);

        List<String> emails = distinct(ranking.of(SurvivorshipField.EMAIL), record -> record.email);
        List<String> phones = distinct(ranking.of(SurvivorshipField.PHONE), record -> record.phoneE164);
        TreeSet<String> sources = new TreeSet<>();
        Long firstSeen = null;
        Long lastUpdated = null;
        for (ResolutionRecord record : records) {
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
                name.first,
                name.last,
                name.full,
                emails.isEmpty() ? null : emails.get(0),
                phones.isEmpty() ? null : phones.get(0),
                emails,
                phones,
                address == null ? null : trimmedOrNull(address.street),
                address == null ? null : trimmedOrNull(address.city),
                address == null ? null : trimmedOrNull(address.postcode),
                country,
                ranking.of(SurvivorshipField.BIRTH_DATE).stream()
                        .map(record -> record.birthDate)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null),
                first(ranking.of(SurvivorshipField.COMPANY), record -> record.company),
                List.copyOf(sources),
                records.size(),
                firstSeen,
                lastUpdated);
    }

    /** A customer's records in the order of each rule, best first. */
    private static final class Ranking {
        final List<ResolutionRecord> recent;
        final List<ResolutionRecord> trusted;
        final SurvivorshipConfig policy;

        Ranking(List<ResolutionRecord> records, SurvivorshipConfig policy) {
            this.policy = policy;
            recent = new ArrayList<>(records);
            recent.sort(MOST_RECENT_FIRST);
            trusted = new ArrayList<>(recent);
            trusted.sort(Comparator.comparingInt((ResolutionRecord record) -> policy.trustOf(record.source))
                    .reversed()
                    .thenComparing(MOST_RECENT_FIRST));
        }

        List<ResolutionRecord> of(SurvivorshipField field) {
            SurvivorshipRule rule = policy.ruleFor(field);
            return switch (rule) {
                case RECENCY -> recent;
                case TRUST -> trusted;
            };
        }
    }

    private record Name(String first, String last, String full) {

        /** Each part from the first record that has it. */
        static Name partByPart(List<ResolutionRecord> ranked) {
            return of(
                    GoldenRecordRule.first(ranked, record -> record.firstName),
                    GoldenRecordRule.first(ranked, record -> record.lastName),
                    GoldenRecordRule.first(ranked, record -> record.fullName));
        }

        /** Every part from the first record that has any, so a name never mixes two records. */
        static Name wholeFromOne(List<ResolutionRecord> ranked) {
            return ranked.stream()
                    .filter(record -> present(record.firstName) || present(record.lastName) || present(record.fullName))
                    .findFirst()
                    .map(record -> of(
                            trimmedOrNull(record.firstName),
                            trimmedOrNull(record.lastName),
                            trimmedOrNull(record.fullName)))
                    .orElse(new Name(null, null, null));
        }

        private static Name of(String first, String last, String full) {
            if (full == null && (first != null || last != null)) {
                full = String.join(
                        " ", Stream.of(first, last).filter(Objects::nonNull).toList());
            }
            return new Name(first, last, full);
        }
    }

    private static String first(List<ResolutionRecord> ranked, Function<ResolutionRecord, String> field) {
        for (ResolutionRecord record : ranked) {
            String value = field.apply(record);
            if (present(value)) {
                return value.trim();
            }
        }
        return null;
    }

    private static List<String> distinct(List<ResolutionRecord> ranked, Function<ResolutionRecord, String> field) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (ResolutionRecord record : ranked) {
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
