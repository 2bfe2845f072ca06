package dev.rapport.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestCustomerIdContinuity {

    private static CustomerIdContinuity.Cluster cluster(String... recordIdsAndDays) {
        List<CustomerIdRule.Member> members = new ArrayList<>();
        for (String member : recordIdsAndDays) {
            String[] parts = member.split("@");
            members.add(new CustomerIdRule.Member(parts[0], Long.parseLong(parts[1])));
        }
        return new CustomerIdContinuity.Cluster(members, new TreeSet<>(List.of("email")));
    }

    @Test
    void aFirstRunGivesEachClusterItsEarliestRecordsIdAndANewEvent() {
        var result = CustomerIdContinuity.assign(List.of(cluster("a@2", "b@1"), cluster("c@5")), Map.of());

        assertThat(result.customerIds())
                .containsExactly(CustomerIdRule.customerIdOf("b"), CustomerIdRule.customerIdOf("c"));
        assertThat(result.events()).extracting(event -> event.event).containsExactly("new", "new");
    }

    @Test
    void anUnchangedRunKeepsIdsAndRecordsNothingWhileNewRecordsJoin() {
        Map<String, String> previous = Map.of("a", "c-old1", "b", "c-old1", "c", "c-old2");

        var result = CustomerIdContinuity.assign(List.of(cluster("a@2", "b@1", "z@0"), cluster("c@5")), previous);

        assertThat(result.customerIds()).containsExactly("c-old1", "c-old2");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void aMergeKeepsTheOldestCustomersId() {
        Map<String, String> previous = Map.of("a", "c-young", "b", "c-young", "c", "c-old");

        var result = CustomerIdContinuity.assign(List.of(cluster("a@5", "b@6", "c@1")), previous);

        assertThat(result.customerIds()).containsExactly("c-old");
        assertThat(result.events()).singleElement().satisfies(event -> {
            assertThat(event.event).isEqualTo(IdentityEvent.MERGE);
            assertThat(event.customerId).isEqualTo("c-old");
            assertThat(event.otherCustomerId).isEqualTo("c-young");
            assertThat(event.recordCount).isEqualTo(2);
        });
    }

    @Test
    void aSplitLeavesTheIdWithTheLargerPartAndGivesTheOtherAnUnusedId() {
        // the smaller part holds the record the id was made from
        Map<String, String> previous = Map.of(
                "a", CustomerIdRule.customerIdOf("a"),
                "b", CustomerIdRule.customerIdOf("a"),
                "c", CustomerIdRule.customerIdOf("a"));

        var result = CustomerIdContinuity.assign(List.of(cluster("a@1"), cluster("b@2", "c@3")), previous);

        assertThat(result.customerIds().get(1)).isEqualTo(CustomerIdRule.customerIdOf("a"));
        assertThat(result.customerIds().get(0)).isNotEqualTo(CustomerIdRule.customerIdOf("a"));
        assertThat(result.events()).singleElement().satisfies(event -> {
            assertThat(event.event).isEqualTo(IdentityEvent.SPLIT);
            assertThat(event.customerId).isEqualTo(result.customerIds().get(0));
            assertThat(event.otherCustomerId).isEqualTo(CustomerIdRule.customerIdOf("a"));
            assertThat(event.recordCount).isEqualTo(1);
        });
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfClusters() {
        Map<String, String> previous = Map.of("a", "c-1", "b", "c-1", "c", "c-2", "d", "c-2");
        List<CustomerIdContinuity.Cluster> clusters =
                new ArrayList<>(List.of(cluster("a@1", "c@2"), cluster("b@3"), cluster("d@4"), cluster("e@0")));
        var first = CustomerIdContinuity.assign(clusters, previous);
        Map<CustomerIdContinuity.Cluster, String> idOf = new java.util.HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            idOf.put(clusters.get(i), first.customerIds().get(i));
        }

        Collections.reverse(clusters);
        var reversed = CustomerIdContinuity.assign(clusters, previous);

        for (int i = 0; i < clusters.size(); i++) {
            assertThat(reversed.customerIds().get(i)).isEqualTo(idOf.get(clusters.get(i)));
        }
        assertThat(new java.util.HashSet<>(reversed.events())).isEqualTo(new java.util.HashSet<>(first.events()));
    }
}
