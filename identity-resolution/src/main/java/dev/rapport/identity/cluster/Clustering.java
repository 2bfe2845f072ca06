package dev.rapport.identity.cluster;

import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.score.ProbabilisticLinker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Connected components of the match graph, with a customer id for each and the rule that joined
 * each record. Pure logic: the result depends only on the sets of nodes and links, not on the
 * order they are added in.
 */
public final class Clustering {

    private record Node(String source, String sourceId, Long createdAt) {}

    private final List<MatchRule> rulePreference;
    private final UnionFind sets = new UnionFind();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Per record, the most preferred rule of any link that touches it. */
    private final Map<String, Integer> bestRule = new HashMap<>();
    /** Per record, the highest probability among its links of {@link #bestRule}. */
    private final Map<String, Double> bestProbability = new HashMap<>();

    public Clustering(List<MatchRule> rulePreference) {
        this.rulePreference = List.copyOf(rulePreference);
    }

    public void addRecord(String recordId, String source, String sourceId, Long createdAt) {
        nodes.put(
                Objects.requireNonNull(recordId, "recordId is null"),
                new Node(Objects.requireNonNull(source, "source is null"), sourceId, createdAt));
        sets.add(recordId);
    }

    public void addLink(String fromRecordId, String toRecordId, String rule) {
        addLink(fromRecordId, toRecordId, rule, 1.0);
    }

    public void addLink(String fromRecordId, String toRecordId, String rule, double probability) {
        sets.union(fromRecordId, toRecordId);
        int preference = preference(rule);
        note(fromRecordId, preference, probability);
        note(toRecordId, preference, probability);
    }

    private void note(String recordId, int preference, double probability) {
        Integer best = bestRule.get(recordId);
        if (best == null || preference < best) {
            bestRule.put(recordId, preference);
            bestProbability.put(recordId, probability);
        } else if (preference == best) {
            bestProbability.merge(recordId, probability, Math::max);
        }
    }

    /** One list per customer, ids from each cluster's earliest record; records that appear only in links (none should) are left out. */
    public List<List<Assignment>> customers() {
        return resolve(Map.of()).customers();
    }

    /** The customers and what changed since the run that gave {@code previousCustomerOf} (record id to customer id). */
    public record Resolved(List<List<Assignment>> customers, List<IdentityEvent> events) {}

    /** Customers whose ids continue those of the previous run: see {@link CustomerIdContinuity}. */
    public Resolved resolve(Map<String, String> previousCustomerOf) {
        List<List<CustomerIdRule.Member>> components = new ArrayList<>();
        List<CustomerIdContinuity.Cluster> clusters = new ArrayList<>();
        for (List<String> component : sets.components()) {
            List<CustomerIdRule.Member> members = new ArrayList<>(component.size());
            java.util.TreeSet<String> rules = new java.util.TreeSet<>();
            for (String recordId : component) {
                Node node = nodes.get(recordId);
                if (node != null) {
                    members.add(new CustomerIdRule.Member(recordId, node.createdAt()));
                    Integer rule = bestRule.get(recordId);
                    if (rule != null) {
                        rules.add(ruleName(rule));
                    }
                }
            }
            if (!members.isEmpty()) {
                components.add(members);
                clusters.add(new CustomerIdContinuity.Cluster(members, rules));
            }
        }
        CustomerIdContinuity.Result ids = CustomerIdContinuity.assign(clusters, previousCustomerOf);
        List<List<Assignment>> customers = new ArrayList<>(components.size());
        for (int c = 0; c < components.size(); c++) {
            List<CustomerIdRule.Member> members = components.get(c);
            String customerId = ids.customerIds().get(c);
            List<Assignment> assignments = new ArrayList<>(members.size());
            for (CustomerIdRule.Member member : members) {
                Node node = nodes.get(member.recordId());
                Integer rule = members.size() == 1 ? null : bestRule.get(member.recordId());
                assignments.add(new Assignment(
                        member.recordId(),
                        node.source(),
                        node.sourceId(),
                        customerId,
                        rule == null ? Assignment.SINGLETON : ruleName(rule),
                        rule == null ? 1.0 : bestProbability.get(member.recordId())));
            }
            customers.add(assignments);
        }
        return new Resolved(customers, ids.events());
    }

    private int preference(String rule) {
        for (int i = 0; i < rulePreference.size(); i++) {
            if (rulePreference.get(i).configName().equals(rule)) {
                return i;
            }
        }
        // probabilistic links rank after every deterministic rule
        return ProbabilisticLinker.RULE.equals(rule) ? rulePreference.size() : rulePreference.size() + 1;
    }

    private String ruleName(int preference) {
        if (preference < rulePreference.size()) {
            return rulePreference.get(preference).configName();
        }
        return preference == rulePreference.size() ? ProbabilisticLinker.RULE : "unknown";
    }
}
