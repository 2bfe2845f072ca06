package dev.rapport.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.config.IdentityConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestClustering {

    private record Edge(String from, String to, String rule) {}

    private record Node(String id, String source, Long createdAt) {}

    private static final List<Node> NODES = List.of(
            new Node("r1", "crm", 300L),
            new Node("r2", "erp", 100L),
            new Node("r3", "shop", null),
            new Node("r4", "crm", 50L),
            new Node("r5", "erp", 60L));

    private static final List<Edge> EDGES =
            List.of(new Edge("r1", "r2", "phone"), new Edge("r3", "r1", "email"), new Edge("r1", "r2", "email"));

    @Test
    void assignsEachRecordItsCustomerAndRule() {
        List<Assignment> assignments = assign(NODES, EDGES);

        String joined = CustomerIdRule.customerIdOf("r2");
        assertThat(assignments)
                .containsExactly(
                        new Assignment("r1", "crm", "s-r1", joined, "email"),
                        new Assignment("r2", "erp", "s-r2", joined, "email"),
                        new Assignment("r3", "shop", "s-r3", joined, "email"),
                        new Assignment("r4", "crm", "s-r4", CustomerIdRule.customerIdOf("r4"), "singleton"),
                        new Assignment("r5", "erp", "s-r5", CustomerIdRule.customerIdOf("r5"), "singleton"));
    }

    @Test
    void theRuleIsTheMostPreferredLinkOfTheRecord() {
        List<Assignment> assignments =
                assign(NODES, List.of(new Edge("r1", "r2", "phone"), new Edge("r4", "r1", "source_customer_ref")));

        assertThat(assignments)
                .extracting(assignment -> assignment.recordId + "=" + assignment.matchRule)
                .containsExactly("r1=phone", "r2=phone", "r3=singleton", "r4=source_customer_ref", "r5=singleton");
        assertThat(assignments.get(0).customerId).isEqualTo(CustomerIdRule.customerIdOf("r4"));
    }

    @Test
    void theResultDoesNotDependOnInputOrder() {
        List<Assignment> expected = assign(NODES, EDGES);
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            List<Node> nodes = new ArrayList<>(NODES);
            List<Edge> edges = new ArrayList<>(EDGES);
            Collections.shuffle(nodes, random);
            Collections.shuffle(edges, random);
            assertThat(assign(nodes, edges)).isEqualTo(expected);
        }
    }

    private static List<Assignment> assign(List<Node> nodes, List<Edge> edges) {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        // edges first and nodes after in some runs, as the operator may see them
        for (Edge edge : edges) {
            clustering.addLink(edge.from(), edge.to(), edge.rule());
        }
        for (Node node : nodes) {
            clustering.addRecord(node.id(), node.source(), "s-" + node.id(), node.createdAt());
        }
        List<Assignment> all = new ArrayList<>();
        clustering.customers().forEach(all::addAll);
        all.sort(Comparator.comparing(assignment -> assignment.recordId));
        return all;
    }
}
