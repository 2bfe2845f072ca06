package dev.rapport.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.score.ProbabilisticLinker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final int BORN_1980 = (int) LocalDate.of(1980, 3, 14).toEpochDay();
    private static final int BORN_1995 = (int) LocalDate.of(1995, 7, 2).toEpochDay();
    private static final int BORN_2012 = (int) LocalDate.of(2012, 11, 30).toEpochDay();

    @Test
    void aChainDoesNotJoinTwoDifferentNationalIds() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, null, "AB123456");
        clustering.addRecord("b", "shop", "2", 2L, null, null);
        clustering.addRecord("c", "erp", "3", 3L, null, "XY987654");
        clustering.addLink("a", "b", "email");
        clustering.addLink("b", "c", "phone");

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        // email is preferred to phone: a-b is applied first, b-c would join the two national ids
        assertThat(members(resolved)).containsExactlyInAnyOrder(List.of("a", "b"), List.of("c"));
        assertThat(resolved.refusedLinks()).isEqualTo(1);
    }

    @Test
    void aChainOfProbabilisticLinksDoesNotJoinClearlyDifferentBirthDates() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, BORN_1980, null);
        clustering.addRecord("b", "shop", "2", 2L, null, null);
        clustering.addRecord("c", "erp", "3", 3L, BORN_1995, null);
        clustering.addLink("a", "b", "probabilistic", 0.97);
        clustering.addLink("b", "c", "probabilistic", 0.99);

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        // the stronger link b-c wins, the weaker a-b is refused
        assertThat(members(resolved)).containsExactlyInAnyOrder(List.of("a"), List.of("b", "c"));
        assertThat(resolved.refusedLinks()).isEqualTo(1);
        assertThat(ruleOf(resolved, "a")).isEqualTo(Assignment.SINGLETON);
    }

    @Test
    void aHouseholdSharingAnEmailStaysApartWhenBirthDatesDiffer() {
        // a parent and a child with one family email (their given names differ: no link between them);
        // the web shop's record has the email, the parent's phone and no birth date
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("parent", "crm", "1", 1L, BORN_1980, null);
        clustering.addRecord("child", "crm", "2", 2L, BORN_2012, null);
        clustering.addRecord("web", "shop", "3", 3L, null, null);
        clustering.addLink("web", "child", "email");
        clustering.addLink("web", "parent", "phone");

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        assertThat(members(resolved)).containsExactlyInAnyOrder(List.of("child", "web"), List.of("parent"));
        assertThat(resolved.refusedLinks()).isEqualTo(1);
    }

    @Test
    void typosAndTheSameYearAreNoConflict() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord(
                "a", "crm", "1", 1L, (int) LocalDate.of(1980, 3, 14).toEpochDay(), "AB123456");
        clustering.addRecord("b", "shop", "2", 2L, null, "AB123465");
        clustering.addRecord(
                "c", "erp", "3", 3L, (int) LocalDate.of(1980, 3, 15).toEpochDay(), null);
        clustering.addRecord("d", "erp", "4", 4L, (int) LocalDate.of(1980, 4, 3).toEpochDay(), null);
        clustering.addLink("a", "b", "phone");
        clustering.addLink("b", "c", "email");
        clustering.addLink("c", "d", "email");

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        assertThat(members(resolved)).containsExactly(List.of("a", "b", "c", "d"));
        assertThat(resolved.refusedLinks()).isZero();
    }

    @Test
    void theSameNationalIdLiftsABirthDateConflict() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, BORN_1980, "AB123456");
        clustering.addRecord("b", "shop", "2", 2L, null, null);
        clustering.addRecord("c", "erp", "3", 3L, BORN_1995, "AB123456");
        clustering.addLink("a", "b", "email");
        clustering.addLink("b", "c", "phone");

        assertThat(members(clustering.resolve(Map.of()))).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aLinkWhoseRecordsBothHaveBirthDatesIsLeftToThePairwiseRules() {
        // the pairwise rules made a-b and b-c despite the birth dates (overwhelming evidence; a typed
        // date beside an agreeing name and a shared email); d has no birth date to judge c-d by
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, BORN_1980, null);
        clustering.addRecord("b", "erp", "2", 2L, BORN_1995, null);
        clustering.addRecord("c", "shop", "3", 3L, BORN_2012, null);
        clustering.addRecord("d", "web", "4", 4L, null, null);
        clustering.addRecord("e", "web", "5", 5L, BORN_2012, null);
        clustering.addLink("a", "b", "probabilistic", 0.999);
        clustering.addLink("b", "c", "email");
        clustering.addLink("d", "e", "probabilistic", 0.99);
        clustering.addLink("a", "d", "probabilistic", 0.98);

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        // a-d: d has no birth date, but e's is c's too, so the parts share one: no conflict
        assertThat(members(resolved)).containsExactly(List.of("a", "b", "c", "d", "e"));
        assertThat(resolved.refusedLinks()).isZero();
    }

    @Test
    void aChainThroughARecordWithoutBirthDateIsJudgedOnAllTheBirthDatesOfBothParts() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, BORN_1980, null);
        clustering.addRecord("b", "erp", "2", 2L, BORN_1995, null);
        clustering.addRecord("d", "web", "4", 4L, null, null);
        clustering.addRecord("e", "web", "5", 5L, BORN_2012, null);
        clustering.addLink("a", "b", "probabilistic", 0.999);
        clustering.addLink("d", "e", "probabilistic", 0.99);
        clustering.addLink("b", "d", "probabilistic", 0.98);

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        // b-d would bring e's birth date, close to neither a's nor b's, and d has none to judge by
        assertThat(members(resolved)).containsExactlyInAnyOrder(List.of("a", "b"), List.of("d", "e"));
        assertThat(resolved.refusedLinks()).isEqualTo(1);
    }

    @Test
    void aDeterministicLinkBetweenDifferentNationalIdsIsRefused() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, BORN_1980, "AB123456");
        clustering.addRecord("b", "erp", "2", 2L, BORN_1980, "CD654321");
        clustering.addLink("a", "b", "source_customer_ref");

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        assertThat(members(resolved)).containsExactlyInAnyOrder(List.of("a"), List.of("b"));
        assertThat(resolved.refusedLinks()).isEqualTo(1);
    }

    @Test
    void aProbabilisticLinkKeepsTheNationalIdConflictItWasJudgedOnButNoOther() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        clustering.addRecord("a", "crm", "1", 1L, null, "AB123456");
        clustering.addRecord("b", "erp", "2", 2L, null, "CD654321");
        clustering.addRecord("c", "shop", "3", 3L, null, "EF111111");
        clustering.addLink("a", "b", "probabilistic", 0.999);
        clustering.addLink("b", "c", "probabilistic", 0.999);

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        // a-b on overwhelming evidence; b-c would bring a third national id, in conflict with a's too
        assertThat(members(resolved)).containsExactlyInAnyOrder(List.of("a", "b"), List.of("c"));
        assertThat(resolved.refusedLinks()).isEqualTo(1);
    }

    @Test
    void theOrderOfLinksDoesNotChangeWhichAreRefused() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, Integer> birthDates = new HashMap<>();
        Random random = new Random(5);
        // 60 records in chains of shared emails and phones, a quarter with one of three birth dates
        int[] dates = {BORN_1980, BORN_1995, BORN_2012};
        for (int i = 0; i < 60; i++) {
            String id = String.format(java.util.Locale.ROOT, "r%02d", i);
            nodes.add(new Node(id, "crm", (long) i));
            if (random.nextInt(4) == 0) {
                birthDates.put(id, dates[random.nextInt(dates.length)]);
            }
        }
        String[] rules = {"email", "phone", "source_customer_ref", "probabilistic"};
        for (int i = 0; i < 120; i++) {
            edges.add(new Edge(
                    nodes.get(random.nextInt(60)).id(),
                    nodes.get(random.nextInt(60)).id(),
                    rules[random.nextInt(rules.length)]));
        }
        Clustering.Resolved expected = resolve(nodes, edges, birthDates);
        assertThat(expected.refusedLinks()).isPositive();
        for (int i = 0; i < 20; i++) {
            List<Node> shuffledNodes = new ArrayList<>(nodes);
            List<Edge> shuffledEdges = new ArrayList<>(edges);
            Collections.shuffle(shuffledNodes, random);
            Collections.shuffle(shuffledEdges, random);
            Clustering.Resolved shuffled = resolve(shuffledNodes, shuffledEdges, birthDates);
            assertThat(sorted(shuffled)).isEqualTo(sorted(expected));
            assertThat(shuffled.refusedLinks()).isEqualTo(expected.refusedLinks());
        }
    }

    private static Clustering.Resolved resolve(List<Node> nodes, List<Edge> edges, Map<String, Integer> birthDates) {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules());
        for (Edge edge : edges) {
            // probabilistic links get a probability from their records, so a shuffle cannot change it
            double probability = edge.rule().equals("probabilistic")
                    ? 0.95 + (Math.abs((edge.from() + edge.to()).hashCode()) % 5) / 100.0
                    : 1.0;
            clustering.addLink(edge.from(), edge.to(), edge.rule(), probability);
        }
        for (Node node : nodes) {
            clustering.addRecord(
                    node.id(), node.source(), "s-" + node.id(), node.createdAt(), birthDates.get(node.id()), null);
        }
        return clustering.resolve(Map.of());
    }

    private static List<Assignment> sorted(Clustering.Resolved resolved) {
        List<Assignment> all = new ArrayList<>();
        resolved.customers().forEach(all::addAll);
        all.sort(Comparator.comparing(assignment -> assignment.recordId));
        return all;
    }

    /** Each customer's record ids, sorted. */
    private static List<List<String>> members(Clustering.Resolved resolved) {
        return resolved.customers().stream()
                .map(customer -> customer.stream()
                        .map(assignment -> assignment.recordId)
                        .sorted()
                        .toList())
                .toList();
    }

    private static String ruleOf(Clustering.Resolved resolved, String recordId) {
        return sorted(resolved).stream()
                .filter(assignment -> assignment.recordId.equals(recordId))
                .findFirst()
                .orElseThrow()
                .matchRule;
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

    @Test
    void aChainOfLinksStopsAtTheMaximumClusterSizeRefusingTheWeakestLinks() {
        Clustering clustering = new Clustering(IdentityConfig.defaults().rules(), 3);
        for (int i = 1; i <= 5; i++) {
            clustering.addRecord("r" + i, "crm", "c" + i, 100L + i);
        }
        // a chain r1 - r2 - r3 - r4 - r5, weaker link by link
        clustering.addLink("r1", "r2", ProbabilisticLinker.RULE, 0.999);
        clustering.addLink("r2", "r3", ProbabilisticLinker.RULE, 0.99);
        clustering.addLink("r3", "r4", ProbabilisticLinker.RULE, 0.98);
        clustering.addLink("r4", "r5", ProbabilisticLinker.RULE, 0.97);

        Clustering.Resolved resolved = clustering.resolve(Map.of());

        assertThat(resolved.customers())
                .extracting(customer -> customer.stream()
                        .map(member -> member.recordId)
                        .sorted()
                        .toList())
                .containsExactlyInAnyOrder(List.of("r1", "r2", "r3"), List.of("r4", "r5"));
        assertThat(resolved.oversizedLinks()).isEqualTo(1);
        assertThat(resolved.refusedLinks()).isZero();
    }
}
