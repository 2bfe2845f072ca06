package dev.rapport.identity.cluster;

import dev.rapport.identity.compare.BirthDateComparator;
import dev.rapport.identity.compare.EditDistanceComparator;
import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.score.ConflictingFieldsRule;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Whether a link may join two parts of the match graph, judged on the identifiers a person has
 * only one of: the birth date and the national id, "clearly different" in the sense of the
 * pairwise {@link ConflictingFieldsRule} (a birth date not equal, no typo or day/month swap of it
 * and not in the same year; a national id more than one edit apart). It refuses what no pairwise
 * rule saw: a chain a-b, b-c that would put a and c into one customer although a and c conflict.
 *
 * <ul>
 *   <li>National ids: a customer never holds two clearly different ones. Any such pair between the
 *       two parts refuses the link, deterministic links included (a shared email, phone or
 *       reference: those rules never looked at national ids). Only a probabilistic link whose own two
 *       records conflict was weighed already ({@link ConflictingFieldsRule} let it through on
 *       overwhelming other evidence): that conflict, and any between values close to those two, is
 *       the link's own and does not refuse it.
 *   <li>Birth dates: two parts conflict when both hold some and none of one part's is equal or close
 *       to one of the other's: a household or a pair of namesakes joined through a record without a
 *       birth date. A link whose two records both carry a birth date is left to the pairwise rules
 *       that made it (probabilistic: weighed by {@link ConflictingFieldsRule}; deterministic: the
 *       names agree and an identifier is shared, so the date is most likely mistyped; refusing those
 *       cost fake_1000 two points of recall and gained nothing elsewhere, see BENCHMARKS.md). Birth
 *       dates are noisier than national ids: a person's records may hold several badly typed ones,
 *       so a part holding a date close to one of the other part's is not in conflict with it. Parts
 *       that share a national id never conflict on birth dates (as pairwise, the same national id
 *       lifts a birth-date conflict).
 * </ul>
 *
 * Pure logic; records have at most one value of each field, parts the set of their records' values.
 */
public final class ExclusiveIdentifierRule {

    /** The exclusive identifiers of a part of the graph: its records' distinct birth dates and national id keys. */
    public static final class Identifiers {

        private final Set<Integer> birthDates;
        private final Set<String> nationalIds;

        private Identifiers(Set<Integer> birthDates, Set<String> nationalIds) {
            this.birthDates = birthDates;
            this.nationalIds = nationalIds;
        }

        /** A record's: its birth date (days since the epoch) and national id key, either nullable. */
        public static Identifiers of(Integer birthDate, String nationalId) {
            return new Identifiers(
                    birthDate == null ? new HashSet<>(1) : new HashSet<>(Set.of(birthDate)),
                    nationalId == null ? new HashSet<>(1) : new HashSet<>(Set.of(nationalId)));
        }

        /** Adds the other part's values: the two parts are now one. */
        void absorb(Identifiers other) {
            birthDates.addAll(other.birthDates);
            nationalIds.addAll(other.nationalIds);
        }

        public Set<Integer> birthDates() {
            return Collections.unmodifiableSet(birthDates);
        }

        public Set<String> nationalIds() {
            return Collections.unmodifiableSet(nationalIds);
        }
    }

    private final BirthDateComparator birthDates = new BirthDateComparator();
    private final EditDistanceComparator identifiers = new EditDistanceComparator();

    /**
     * The field on which joining part {@code a} (holding the link's record {@code recordA}) and part
     * {@code b} (holding {@code recordB}) would put two conflicting values into one customer, if any.
     * {@code judgedPairwise}: whether the link is probabilistic, so its own records' national ids were
     * weighed already.
     */
    public Optional<MatchField> conflict(
            Identifiers a, Identifiers recordA, Identifiers b, Identifiers recordB, boolean judgedPairwise) {
        if (conflicts(
                a.nationalIds,
                b.nationalIds,
                single(recordA.nationalIds),
                single(recordB.nationalIds),
                judgedPairwise,
                this::nationalIdsDiffer)) {
            return Optional.of(MatchField.NATIONAL_ID);
        }
        if (!Collections.disjoint(a.nationalIds, b.nationalIds)) {
            return Optional.empty();
        }
        boolean bothDated = !recordA.birthDates.isEmpty() && !recordB.birthDates.isEmpty();
        if (!bothDated && apart(a.birthDates, b.birthDates, this::birthDatesDiffer)) {
            return Optional.of(MatchField.BIRTH_DATE);
        }
        return Optional.empty();
    }

    /** Both parts have values and none of one part's is equal or close to one of the other's. */
    private static <T> boolean apart(Set<T> a, Set<T> b, BiPredicate<T, T> differ) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        for (T left : a) {
            for (T right : b) {
                if (!differ.test(left, right)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static <T> boolean conflicts(
            Set<T> a, Set<T> b, T ownA, T ownB, boolean judgedPairwise, BiPredicate<T, T> differ) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        boolean judged = judgedPairwise && ownA != null && ownB != null && differ.test(ownA, ownB);
        for (T left : a) {
            for (T right : b) {
                if (differ.test(left, right) && !(judged && !differ.test(left, ownA) && !differ.test(right, ownB))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean birthDatesDiffer(Integer a, Integer b) {
        return ConflictingFieldsRule.clearlyDifferent(MatchField.BIRTH_DATE, birthDates.compare(a, b));
    }

    private boolean nationalIdsDiffer(String a, String b) {
        return ConflictingFieldsRule.clearlyDifferent(MatchField.NATIONAL_ID, identifiers.compare(a, b));
    }

    private static <T> T single(Set<T> values) {
        return values.size() == 1 ? values.iterator().next() : null;
    }
}
