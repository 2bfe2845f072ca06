package dev.rapport.identity.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestBlockPairs {

    private static final RecordComparator COMPARATOR = new RecordComparator(local -> false);
    /** The block of the given name Ana with the birth year 1980. */
    private static final String ANA_1980 = CandidateKeyRule.NAME_YEAR + COMPARATOR.phonetic("Ana") + ":1980";

    @Test
    void aSmallBlockIsComparedInFull() {
        List<MatchRecord> block = List.of(
                record("c", "Ana", "Petrovic", 1980),
                record("a", "Ana", "Jovic", 1980),
                record("b", "Ana", "Ilic", 1980));

        List<BlockPairs.Pair> pairs = new BlockPairs(COMPARATOR, 2).pairs(ANA_1980, block);

        assertThat(names(pairs)).containsExactlyInAnyOrder("a-b", "a-c", "b-c");
    }

    @Test
    void aLargeBlockComparesEachRecordWithItsNextWindowInAnOrderThatKeepsAPersonTogether() {
        // 60 people named Ana born in 1980, each once, and one of them twice far apart in record id order
        List<MatchRecord> block = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            block.add(record(String.format("r%03d", i), "Ana", family(i), 1980));
        }
        block.add(record("r999", "Ana", family(0), 1980));
        int window = 5;

        List<BlockPairs.Pair> pairs = new BlockPairs(COMPARATOR, window).pairs(ANA_1980, block);

        assertThat(pairs.size()).isLessThanOrEqualTo(block.size() * window).isGreaterThan(block.size() * window / 2);
        assertThat(names(pairs)).contains("r000-r999");
        assertThat(pairs).allSatisfy(pair -> assertThat(pair.first().recordId).isLessThan(pair.second().recordId));
        List<MatchRecord> shuffled = new ArrayList<>(block);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(names(new BlockPairs(COMPARATOR, window).pairs(ANA_1980, shuffled)))
                .as("the same pairs in any input order")
                .isEqualTo(names(pairs));
    }

    @Test
    void aRecordListedTwiceIsNotPairedWithItself() {
        MatchRecord once = record("a", "Ana", "Jovic", 1980);
        List<BlockPairs.Pair> pairs =
                new BlockPairs(COMPARATOR, 3).pairs("birth:1", List.of(once, once, record("b", "Ana", "Jovic", 1981)));

        assertThat(pairs).allSatisfy(pair -> assertThat(pair.first().recordId).isNotEqualTo(pair.second().recordId));
        assertThat(names(pairs)).containsExactly("a-b");
    }

    /** Family names that sound different from each other. */
    private static String family(int i) {
        String consonants = "bdfgklmnprstvz";
        return Character.toUpperCase(consonants.charAt(i % 14)) + "a" + consonants.charAt(i / 14 % 14) + "ovic";
    }

    private static Set<String> names(List<BlockPairs.Pair> pairs) {
        return pairs.stream()
                .map(pair -> pair.first().recordId + "-" + pair.second().recordId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static MatchRecord record(String id, String given, String family, int year) {
        MatchRecord record = new MatchRecord();
        record.recordId = id;
        record.givenName = given;
        record.familyName = family;
        record.birthDate = (int) LocalDate.of(year, 5, 17).toEpochDay();
        return record;
    }
}
