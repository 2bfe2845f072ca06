package dev.rapport.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestSharedContactMerges {

    @Test
    void countsPairsOfDifferentPeopleSharingAValueAndThoseMerged() {
        SharedContactMerges.Counter counter = new SharedContactMerges.Counter();
        // a household of three at one address: mother and son merged, daughter apart
        counter.add("mother", "c1", "bulevar 12|beograd");
        counter.add("son", "c1", "bulevar 12|beograd");
        counter.add("daughter", "c2", "bulevar 12|beograd");
        // the mother's second record elsewhere shares nothing
        counter.add("mother", "c1", null);
        // two neighbours apart
        counter.add("a", "c3", "main st 1|boston");
        counter.add("b", "c4", "main st 1|boston");
        // one person's two records at one address is no pair
        counter.add("c", "c5", "oak rd 3|boston");
        counter.add("c", "c5", "oak rd 3|boston");

        SharedContactMerges merges = counter.result();

        assertThat(merges.pairs()).isEqualTo(4);
        assertThat(merges.merged()).isEqualTo(1);
        assertThat(merges.rate()).isEqualTo(0.25);
    }

    @Test
    void twoPeopleSharingTwoValuesAreOnePair() {
        SharedContactMerges.Counter counter = new SharedContactMerges.Counter();
        counter.add("ana", "c1", "x");
        counter.add("ivan", "c1", "x");
        counter.add("ana", "c1", "y");
        counter.add("ivan", "c1", "y");

        assertThat(counter.result()).isEqualTo(new SharedContactMerges(1, 1));
    }

    @Test
    void nothingSharedIsARateOfZero() {
        assertThat(new SharedContactMerges.Counter().result().rate()).isZero();
    }
}
