package dev.rapport.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestUnionFind {

    @Test
    void unionsMakeConnectedComponents() {
        UnionFind sets = new UnionFind();
        for (String id : List.of("a", "b", "c", "d", "e")) {
            sets.add(id);
        }
        sets.union("a", "b");
        sets.union("c", "b");
        sets.union("d", "d");

        assertThat(sets.connected("a", "c")).isTrue();
        assertThat(sets.connected("a", "d")).isFalse();
        assertThat(sets.components()).containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("d"), List.of("e"));
    }

    @Test
    void growsPastItsInitialCapacity() {
        UnionFind sets = new UnionFind();
        for (int i = 1; i < 1000; i++) {
            sets.union("r" + (i - 1), "r" + i);
        }
        sets.add("alone");

        assertThat(sets.connected("r0", "r999")).isTrue();
        assertThat(sets.components()).hasSize(2);
        assertThat(sets.components().get(0)).hasSize(1000);
    }

    @Test
    void unknownIdsAreNotConnected() {
        UnionFind sets = new UnionFind();
        sets.add("a");

        assertThat(sets.connected("a", "x")).isFalse();
    }
}
