package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order a large candidate block is compared in when it is compared in windows (each record
 * against its next few): an order that puts one person's records next to each other, chosen by
 * what the block's records already share ({@link CandidateKeyRule}).
 *
 * <ul>
 *   <li>a name with a birth year: the other name's phonetic code, then the birth date (the same
 *       full name at scale, where the block of both names is too large to compare);
 *   <li>both names: the birth date, then the postcode;
 *   <li>everything else (a birth date, a postcode, an email, a phone, a national id): the family
 *       name's phonetic code, the given name's, the birth date.
 * </ul>
 *
 * Ties are broken by record id, so the order, and the pairs compared, are the same at any
 * parallelism. Pure logic.
 */
public final class BlockOrder {

    private final RecordComparator comparator;

    public BlockOrder(RecordComparator comparator) {
        this.comparator = requireNonNull(comparator, "comparator is null");
    }

    /** The records of the block {@code key}, sorted in the block's order. */
    public List<MatchRecord> sorted(String key, List<MatchRecord> block) {
        List<Sorted> sorted = new ArrayList<>(block.size());
        for (MatchRecord record : block) {
            sorted.add(new Sorted(sortKey(key, record), record));
        }
        sorted.sort(Comparator.comparing(Sorted::key).thenComparing(entry -> entry.record().recordId));
        return sorted.stream().map(Sorted::record).toList();
    }

    String sortKey(String key, MatchRecord record) {
        String given = orEmpty(comparator.phonetic(record.givenName));
        String family = orEmpty(comparator.phonetic(record.familyName));
        String birth = record.birthDate == null
                ? ""
                : LocalDate.ofEpochDay(record.birthDate).toString();
        if (key.startsWith(CandidateKeyRule.NAME_YEAR)) {
            String name = key.substring(CandidateKeyRule.NAME_YEAR.length(), key.lastIndexOf(':'));
            String other = given.equals(name) ? family : given;
            return other + "|" + birth;
        }
        if (key.startsWith(CandidateKeyRule.NAMES)) {
            return birth + "|" + orEmpty(record.postcode);
        }
        return family + "|" + given + "|" + birth;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private record Sorted(String key, MatchRecord record) {}
}
