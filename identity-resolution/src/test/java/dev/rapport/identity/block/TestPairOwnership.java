package dev.rapport.identity.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestPairOwnership {

    private static final RecordComparator COMPARATOR = new RecordComparator(local -> false);
    private static final CandidateKeyRule RULE = new CandidateKeyRule(COMPARATOR);

    @Test
    void aPairSharingSeveralBlocksIsOwnedByExactlyOneOfThem() {
        MatchRecord ana = record("a", "Ana", "Petrovic", "ana@example.com");
        MatchRecord anna = record("b", "Anna", "Petrovic", "ana@example.com");
        Set<String> shared = new TreeSet<>(RULE.keys(ana));
        shared.retainAll(RULE.keys(anna));
        assertThat(shared).hasSizeGreaterThan(1);

        PairOwnership ownership = new PairOwnership(RULE);
        List<String> owners = shared.stream()
                .filter(block -> ownership.owns(block, ana, anna))
                .toList();

        assertThat(owners).containsExactly(((TreeSet<String>) shared).first());
    }

    @Test
    void aPairSharingOneBlockIsOwnedByIt() {
        MatchRecord ana = record("a", "Ana", "Petrovic", "ana@example.com");
        MatchRecord marko = record("b", "Marko", "Ilic", "ana@example.com");
        marko.birthDate = (int) LocalDate.of(1975, 2, 3).toEpochDay();
        Set<String> shared = new TreeSet<>(RULE.keys(ana));
        shared.retainAll(RULE.keys(marko));

        assertThat(shared).containsExactly("email:ana@example.com");
        assertThat(new PairOwnership(RULE).owns("email:ana@example.com", ana, marko))
                .isTrue();
    }

    private static MatchRecord record(String id, String given, String family, String email) {
        MatchRecord record = new MatchRecord();
        record.recordId = id;
        record.givenName = given.toLowerCase();
        record.familyName = family.toLowerCase();
        record.birthDate = (int) LocalDate.of(1980, 5, 17).toEpochDay();
        record.email = email;
        return record;
    }
}
