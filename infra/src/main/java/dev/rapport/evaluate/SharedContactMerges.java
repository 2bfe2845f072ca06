package dev.rapport.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How often the resolver merged different people who share something: an address (a household)
 * or a shared mailbox (colleagues behind {@code info@}). A group is the set of true entities whose
 * records carry one value of the shared thing; a pair of its entities is merged when any record of
 * one and any record of the other ended up in one customer. Counted over pairs of entities, so a
 * household of three merged into one customer counts three.
 *
 * @param pairs pairs of different entities that share the thing
 * @param merged of those, pairs the resolver put into one customer
 */
public record SharedContactMerges(long pairs, long merged) {

    public double rate() {
        return pairs == 0 ? 0 : (double) merged / pairs;
    }

    /** Collects, per record, the value it shares (null for none), then scores. */
    public static final class Counter {

        private final Map<String, Set<String>> entitiesByValue = new HashMap<>();
        private final Map<String, Set<String>> customersByEntity = new HashMap<>();

        /** A scored record: its entity, its customer and the shared value it carries (or null). */
        public void add(String entity, String customer, String value) {
            requireNonNull(entity, "entity is null");
            requireNonNull(customer, "customer is null");
            customersByEntity.computeIfAbsent(entity, e -> new HashSet<>()).add(customer);
            if (value != null && !value.isBlank()) {
                entitiesByValue.computeIfAbsent(value, v -> new TreeSet<>()).add(entity);
            }
        }

        public SharedContactMerges result() {
            Set<String> seen = new HashSet<>();
            long pairs = 0;
            long merged = 0;
            for (Set<String> entities : entitiesByValue.values()) {
                String[] group = entities.toArray(String[]::new);
                for (int i = 0; i < group.length; i++) {
                    for (int j = i + 1; j < group.length; j++) {
                        if (!seen.add(group[i] + "\u0000" + group[j])) {
                            continue; // the same two people share several values
                        }
                        pairs++;
                        Set<String> left = customersByEntity.get(group[i]);
                        if (customersByEntity.get(group[j]).stream().anyMatch(left::contains)) {
                            merged++;
                        }
                    }
                }
            }
            return new SharedContactMerges(pairs, merged);
        }
    }
}
