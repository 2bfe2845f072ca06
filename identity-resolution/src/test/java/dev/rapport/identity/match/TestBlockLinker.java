package dev.rapport.identity.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.block.BlockRole;
import dev.rapport.identity.block.BlockingKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestBlockLinker {

    @Test
    void compatibleRecordsLinkToTheSmallestRecordId() {
        List<Link> links = BlockLinker.link(List.of(
                member("r3", "crm", "ana", "petrovic"),
                member("r1", "erp", "ana", "petrovic"),
                member("r2", "shop", "ana", null)));

        assertThat(links).containsExactlyInAnyOrder(new Link("r3", "r1", "email"), new Link("r2", "r1", "email"));
    }

    @Test
    void eachLinkSaysHowTheNameGuardJudgedItsNames() {
        List<Link> links = BlockLinker.link(List.of(
                member("r1", "crm", "ana", "petrovic"),
                member("r2", "erp", "anna", "petrovic"),
                member("r3", "shop", "ana", "petrovic"),
                member("r4", "web", null, null)));

        assertThat(links)
                .extracting(link -> link.fromRecordId + " " + link.nameCheck)
                .containsExactlyInAnyOrder("r2 CLOSE", "r3 EXACT", "r4 MISSING");
        assertThat(links).allSatisfy(link -> {
            assertThat(link.levels).isNull();
            assertThat(link.weights).isNull();
        });
        assertThat(BlockLinker.link(List.of(
                        entry("r1", "crm", BlockRole.REFERRER, "milan", "jovanovic"),
                        entry("r2", "erp", BlockRole.REFERENCED, "milan", "jovanovich"))))
                .singleElement()
                .satisfies(link -> assertThat(link.nameCheck).isEqualTo(NameCheck.CLOSE));
    }

    @Test
    void aHouseholdSharingAnEmailStaysApart() {
        List<Link> links = BlockLinker.link(List.of(
                member("r1", "crm", "marko", "nikolic"),
                member("r2", "crm", "jelena", "nikolic"),
                member("r3", "erp", "jelena", "nikolic")));

        assertThat(links).containsExactly(new Link("r3", "r2", "email"));
    }

    @Test
    void aRecordThatFitsTwoPeopleLinksToNeither() {
        List<Link> links = BlockLinker.link(List.of(
                member("r1", "crm", "marko", "nikolic"),
                member("r2", "crm", "jelena", "nikolic"),
                member("r0", "erp", null, "nikolic")));

        assertThat(links).isEmpty();
    }

    @Test
    void aNamelessRecordJoinsTheOnlyPerson() {
        List<Link> links =
                BlockLinker.link(List.of(member("r2", "crm", "ana", "petrovic"), member("r1", "erp", null, null)));

        assertThat(links).containsExactly(new Link("r2", "r1", "email"));
    }

    @Test
    void theLinksDoNotDependOnTheOrderOfTheEntries() {
        List<BlockingKey> block = new ArrayList<>(List.of(
                member("r1", "crm", "marko", "nikolic"),
                member("r2", "crm", "jelena", "nikolic"),
                member("r3", "erp", "jelena", "nikolica"),
                member("r4", "erp", "marko", null),
                member("r5", "shop", null, null),
                member("r6", "shop", "marko", "nikolic")));
        List<Link> expected = sorted(BlockLinker.link(block));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(block, random);
            assertThat(sorted(BlockLinker.link(block))).isEqualTo(expected);
        }
        assertThat(expected)
                .containsExactly(
                        new Link("r3", "r2", "email"), new Link("r4", "r1", "email"), new Link("r6", "r1", "email"));
    }

    @Test
    void aReferenceLinksTheReferrerToTheReferencedRecordOfAnotherSource() {
        List<Link> links = BlockLinker.link(List.of(
                entry("r1", "crm", BlockRole.REFERRER, "milan", "jovanovic"),
                entry("r2", "erp", BlockRole.REFERENCED, "milan", "jovanovic"),
                entry("r3", "crm", BlockRole.REFERENCED, "milan", "jovanovic"),
                entry("r4", "shop", BlockRole.REFERENCED, "petar", "ilic")));

        assertThat(links).containsExactly(new Link("r1", "r2", "source_customer_ref"));
    }

    @Test
    void aBlockWithoutAReferrerOrAPairCannotLink() {
        assertThat(BlockLinker.canLink(List.of(entry("r1", "erp", BlockRole.REFERENCED, "a", "b"))))
                .isFalse();
        assertThat(BlockLinker.canLink(List.of(member("r1", "crm", "a", "b")))).isFalse();
        assertThat(BlockLinker.canLink(List.of(member("r1", "crm", "a", "b"), member("r2", "erp", "a", "b"))))
                .isTrue();
    }

    private static List<Link> sorted(List<Link> links) {
        List<Link> copy = new ArrayList<>(links);
        copy.sort(java.util.Comparator.comparing(Link::toString));
        return copy;
    }

    private static BlockingKey member(String recordId, String source, String first, String last) {
        return new BlockingKey("email:x@example.com", "email", BlockRole.MEMBER, recordId, source, first, last);
    }

    private static BlockingKey entry(String recordId, String source, BlockRole role, String first, String last) {
        return new BlockingKey("ref:B200", "source_customer_ref", role, recordId, source, first, last);
    }
}
