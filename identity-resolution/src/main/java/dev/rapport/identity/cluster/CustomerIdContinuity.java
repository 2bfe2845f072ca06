package dev.rapport.identity.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Keeps customer ids stable from one run to the next. Pure logic over the new clusters and the
 * previous run's record-to-customer map:
 *
 * <ul>
 *   <li>a cluster with no previously known record is a <em>new</em> customer, its id from
 *       {@link CustomerIdRule} (its earliest record);
 *   <li>a previous customer whose records are now in several clusters <em>splits</em>: the cluster
 *       with most of its records keeps the id (ties: the cluster with the earliest record), the others
 *       get a fresh id, never one used before;
 *   <li>a cluster that keeps several previous ids is a <em>merge</em>: the oldest customer's id
 *       survives (the one whose earliest record is earliest), the others are recorded as merged into
 *       it.
 * </ul>
 *
 * Records that join an existing customer need no event. The result depends only on the sets given,
 * not on their order.
 */
public final class CustomerIdContinuity {

    /** A cluster as the rule sees it: its members and the match rules of the links inside it. */
    public record Cluster(List<CustomerIdRule.Member> members, SortedSet<String> rules) {
        public Cluster {
            members = List.copyOf(members);
            Objects.requireNonNull(rules, "rules is null");
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a cluster has at least one record");
            }
        }
    }

    /** The id of each cluster, in the order given, and what changed. */
    public record Result(List<String> customerIds, List<IdentityEvent> events) {}

    private CustomerIdContinuity() {}

    public static Result assign(List<Cluster> clusters, Map<String, String> previousCustomerOf) {
        Objects.requireNonNull(previousCustomerOf, "previousCustomerOf is null");
        int n = clusters.size();
        List<CustomerIdRule.Member> earliest = new ArrayList<>(n);
        // per previous id: records of it in each cluster, and its earliest record still present
        Map<String, Map<Integer, Integer>> countsByPrevious = new TreeMap<>();
        Map<String, CustomerIdRule.Member> earliestOfPrevious = new HashMap<>();
        for (int i = 0; i < n; i++) {
            earliest.add(CustomerIdRule.earliest(clusters.get(i).members()));
            for (CustomerIdRule.Member member : clusters.get(i).members()) {
                String previous = previousCustomerOf.get(member.recordId());
                if (previous != null) {
                    countsByPrevious
                            .computeIfAbsent(previous, id -> new TreeMap<>())
                            .merge(i, 1, Integer::sum);
                    earliestOfPrevious.merge(previous, member, CustomerIdContinuity::earlier);
                }
            }
        }
        // which cluster keeps each previous id
        Map<Integer, List<String>> keptBy = new HashMap<>();
        for (Map.Entry<String, Map<Integer, Integer>> entry : countsByPrevious.entrySet()) {
            int keeper = -1;
            for (Map.Entry<Integer, Integer> count : entry.getValue().entrySet()) {
                int cluster = count.getKey();
                if (keeper < 0) {
                    keeper = cluster;
                    continue;
                }
                int best = entry.getValue().get(keeper);
                if (count.getValue() > best
                        || (count.getValue() == best
                                && CustomerIdRule.EARLIEST_FIRST.compare(earliest.get(cluster), earliest.get(keeper))
                                        < 0)) {
                    keeper = cluster;
                }
            }
            keptBy.computeIfAbsent(keeper, k -> new ArrayList<>()).add(entry.getKey());
        }

        Set<String> taken = new HashSet<>(previousCustomerOf.values());
        List<String> ids = new ArrayList<>(n);
        List<IdentityEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Cluster cluster = clusters.get(i);
            List<String> kept = keptBy.getOrDefault(i, List.of());
            String id;
            if (!kept.isEmpty()) {
                id = kept.stream()
                        .min((a, b) -> CustomerIdRule.EARLIEST_FIRST.compare(
                                earliestOfPrevious.get(a), earliestOfPrevious.get(b)))
                        .orElseThrow();
                for (String merged : kept) {
                    if (!merged.equals(id)) {
                        events.add(new IdentityEvent(
                                IdentityEvent.MERGE,
                                id,
                                merged,
                                countsByPrevious.get(merged).get(i),
                                "customer " + merged + " was merged into the older customer " + id
                                        + ": their records are now linked (" + rules(cluster.rules()) + ")"));
                    }
                }
            } else {
                id = freshId(earliest.get(i), taken);
            }
            taken.add(id);
            ids.add(id);
            Map<String, Integer> movedFrom = new TreeMap<>();
            for (CustomerIdRule.Member member : cluster.members()) {
                String previous = previousCustomerOf.get(member.recordId());
                if (previous != null && !kept.contains(previous)) {
                    movedFrom.merge(previous, 1, Integer::sum);
                }
            }
            for (Map.Entry<String, Integer> moved : movedFrom.entrySet()) {
                events.add(new IdentityEvent(
                        IdentityEvent.SPLIT,
                        id,
                        moved.getKey(),
                        moved.getValue(),
                        moved.getValue() + " record(s) of customer " + moved.getKey()
                                + " no longer link to its other records and now belong to " + id
                                + " (the larger part kept " + moved.getKey() + ")"));
            }
            if (kept.isEmpty() && movedFrom.isEmpty()) {
                events.add(new IdentityEvent(
                        IdentityEvent.NEW,
                        id,
                        null,
                        cluster.members().size(),
                        cluster.members().size() == 1
                                ? "a record that matches no known customer"
                                : cluster.members().size() + " records linked (" + rules(cluster.rules())
                                        + ") that match no known customer"));
            }
        }
        return new Result(ids, events);
    }

    /** The earliest record's id, unless a customer already had it (then a split part's id, derived from it). */
    private static String freshId(CustomerIdRule.Member earliest, Collection<String> taken) {
        String id = CustomerIdRule.customerIdOf(earliest.recordId());
        String seed = earliest.recordId();
        while (taken.contains(id)) {
            seed = seed + "/split";
            id = CustomerIdRule.customerIdOf(seed);
        }
        return id;
    }

    private static CustomerIdRule.Member earlier(CustomerIdRule.Member a, CustomerIdRule.Member b) {
        return CustomerIdRule.EARLIEST_FIRST.compare(a, b) <= 0 ? a : b;
    }

    private static String rules(SortedSet<String> rules) {
        return rules.isEmpty() ? "no rule" : "by " + String.join(", ", rules);
    }
}
