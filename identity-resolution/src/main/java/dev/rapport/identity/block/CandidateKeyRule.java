package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate blocks of probabilistic matching: records are compared only when they share one
 * of these keys, so the comparisons grow about linearly with the records. Several keys, so that
 * an error in one field does not hide a match:
 *
 * <ul>
 *   <li>the phonetic code of either name with the birth year (either, so swapped names meet);
 *   <li>both names' phonetic codes, in sorted order (records without a birth date);
 *   <li>the full birth date (names mistyped beyond phonetic repair);
 *   <li>the email key, the phone, the national id;
 *   <li>the postcode with the family name's initial.
 * </ul>
 */
public final class CandidateKeyRule implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Where candidate blocks are stored beside deterministic ones ({@code identity.match_links},
     * {@code identity.resolution_state}), their keys get this prefix: both kinds have email keys.
     */
    public static final String STORED_PREFIX = "candidate:";

    /** Prefix of the blocks of a name's phonetic code with a birth year. */
    public static final String NAME_YEAR = "nameyear:";
    /** Prefix of the blocks of both names' phonetic codes. */
    public static final String NAMES = "names:";

    private final RecordComparator comparator;

    public CandidateKeyRule(RecordComparator comparator) {
        this.comparator = requireNonNull(comparator, "comparator is null");
    }

    public List<String> keys(MatchRecord record) {
        Set<String> keys = new LinkedHashSet<>();
        String given = comparator.phonetic(record.givenName);
        String family = comparator.phonetic(record.familyName);
        if (record.birthDate != null) {
            int year = LocalDate.ofEpochDay(record.birthDate).getYear();
            if (given != null) {
                keys.add(NAME_YEAR + given + ":" + year);
            }
            if (family != null) {
                keys.add(NAME_YEAR + family + ":" + year);
            }
            keys.add("birth:" + record.birthDate);
        }
        if (given != null && family != null) {
            keys.add(given.compareTo(family) <= 0 ? NAMES + given + ":" + family : NAMES + family + ":" + given);
        }
        if (record.email != null) {
            keys.add("email:" + record.email);
        }
        if (record.phone != null) {
            keys.add("phone:" + record.phone);
        }
        if (record.nationalId != null) {
            keys.add("nid:" + record.nationalId);
        }
        if (record.postcode != null && record.familyName != null) {
            keys.add("postcode:" + record.postcode + ":" + record.familyName.charAt(0));
        }
        return new ArrayList<>(keys);
    }
}
