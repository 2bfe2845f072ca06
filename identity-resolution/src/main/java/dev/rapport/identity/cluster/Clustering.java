package dev.rapport.identity.cluster;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.score.ProbabilisticLinker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Customers from the match graph: its links applied strongest first, each joining two parts unless
 * the joined customer would hold conflicting birth dates or national ids ({@link
 * ExclusiveIdentifierRule}) or more records than {@code identity.max_cluster_size} (a person has a
 * handful of records; thousands joined are a chain of weak links through look-alikes); then a
 * customer id for each part and the rule that joined each record.
 *
 * <p>Strongest first: deterministic links in the configured rule preference, then probabilistic
 * links by probability, highest first; ties by the two record ids. So when a chain of links would
 * join two conflicting records, the weakest link of the chain is the one refused, and the result
 * depends only on the sets of nodes and links, never on the order they are added in.
 */
public final class Clustering {

    private record Node(String source, String sourceId, Long createdAt, Integer birthDate, String nationalId) {}

    /** A link as applied: its records in id order, its rule's preference (lower is stronger) and probability. */
    private record PendingLink(String first, String second, int preference, double probability) {}

    private static final Comparator<PendingLink> STRONGEST_FIRST = Comparator.comparingInt(PendingLink::preference)
            .thenComparing(PendingLink::probability, Comparator.reverseOrder())
            .thenComparing(PendingLink::first)
            .thenComparing(PendingLink::second);

    private final List<MatchRule> rulePreference;
    private final int maxClusterSize;
    private final Map<String, Node> nodes = new HashMap<>();
    private final List<PendingLink> links = new ArrayList<>();
    private final ExclusiveIdentifierRule guard = new ExclusiveIdentifierRule();

    public Clustering(List<MatchRule> rulePreference) {
        this(rulePreference, IdentityConfig.MAX_CLUSTER_SIZE_DEFAULT);
    }

    public Clustering(List<MatchRule> rulePreference, int maxClusterSize) {
        if (maxClusterSize < 2) {
            throw new IllegalArgumentException("maxClusterSize must be at least 2, got " + maxClusterSize);
        }
        this.rulePreference = List.copyOf(rulePreference);
        this.maxClusterSize = maxClusterSize;
    }

    public void addRecord(String recordId, String source, String sourceId, Long createdAt) {
        addRecord(recordId, source, sourceId, createdAt, null, null);
    }

    /**
     * A record with the identifiers the guard reads: its birth date (days since the epoch) and its
     * national id key ({@link dev.rapport.identity.compare.MatchRecord#identifier}), either nullable.
     */
    public void addRecord(
            String recordId, String source, String sourceId, Long createdAt, Integer birthDate, String nationalId) {
        nodes.put(
                Objects.requireNonNull(recordId, "recordId is null"),
                new Node(Objects.requireNonNull(source, "source is null"), sourceId, createdAt, birthDate, nationalId));
    }

    public void addLink(String fromRecordId, String toRecordId, String rule) {
        addLink(fromRecordId, toRecordId, rule, 1.0);
    }

    public void addLink(String fromRecordId, String toRecordId, String rule, double probability) {
        Objects.requireNonNull(fromRecordId, "fromRecordId is null");
        Objects.requireNonNull(toRecordId, "toRecordId is null");
        boolean ordered = fromRecordId.compareTo(toRecordId) <= 0;
        links.add(new PendingLink(
                ordered ? fromRecordId : toRecordId,
                ordered ? toRecordId : fromRecordId,
                preference(Objects.requireNonNull(rule, "rule is null")),
                probability));
    }

    /** One list per customer, ids from each cluster's earliest record; records that appear only in links (none should) are left out. */
    public List<List<Assignment>> customers() {
        return resolve(Map.of()).customers();
    }

    /**
     * The customers, what changed since the run that gave {@code previousCustomerOf} (record id to
     * customer id), how many links the guard refused for conflicting identifiers, and how many for
     * making a customer larger than the maximum.
     */
    public record Resolved(
            List<List<Assignment>> customers, List<IdentityEvent> events, long refusedLinks, long oversizedLinks) {}

    /** Customers whose ids continue those of the previous run: see {@link CustomerIdContinuity}. */
    public Resolved resolve(Map<String, String> previousCustomerOf) {
        UnionFind sets = new UnionFind();
        // per part (by its representative), made when a link first reaches it
        Map<String, ExclusiveIdentifierRule.Identifiers> identifiers = new HashMap<>();
        for (String recordId : new TreeSet<>(nodes.keySet())) {
            sets.add(recordId);
        }
        Map<String, Integer> bestRule = new HashMap<>();
        Map<String, Double> bestProbability = new HashMap<>();
        long refused = 0;
        long oversized = 0;
        List<PendingLink> strongestFirst = new ArrayList<>(links);
        strongestFirst.sort(STRONGEST_FIRST);
        for (PendingLink link : strongestFirst) {
            String first = sets.find(link.first());
            String second = sets.find(link.second());
            if (!first.equals(second)) {
                if (sets.size(first) + sets.size(second) > maxClusterSize) {
                    oversized++;
                    continue;
                }
                ExclusiveIdentifierRule.Identifiers firstPart = identifiers.computeIfAbsent(first, this::identifiersOf);
                ExclusiveIdentifierRule.Identifiers secondPart =
                        identifiers.computeIfAbsent(second, this::identifiersOf);
                boolean judgedPairwise = link.preference() == rulePreference.size();
                if (guard.conflict(
                                firstPart,
                                identifiersOf(link.first()),
                                secondPart,
                                identifiersOf(link.second()),
                                judgedPairwise)
                        .isPresent()) {
                    refused++;
                    continue;
                }
                String joined = sets.union(first, second);
                ExclusiveIdentifierRule.Identifiers kept = joined.equals(first) ? firstPart : secondPart;
                kept.absorb(joined.equals(first) ? secondPart : firstPart);
                identifiers.remove(joined.equals(first) ? second : first);
            }
            note(bestRule, bestProbability, link.first(), link.preference(), link.probability());
            note(bestRule, bestProbability, link.second(), link.preference(), link.probability());
        }

        List<List<CustomerIdRule.Member>> components = new ArrayList<>();
        List<CustomerIdContinuity.Cluster> clusters = new ArrayList<>();
        for (List<String> component : sets.components()) {
            List<CustomerIdRule.Member> members = new ArrayList<>(component.size());
            TreeSet<String> rules = new TreeSet<>();
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
        return new Resolved(customers, ids.events(), refused, oversized);
    }

    private ExclusiveIdentifierRule.Identifiers identifiersOf(String recordId) {
        Node node = nodes.get(recordId);
        return node == null
                ? ExclusiveIdentifierRule.Identifiers.of(null, null)
                : ExclusiveIdentifierRule.Identifiers.of(node.birthDate(), node.nationalId());
    }

    /** Keeps, per record, the most preferred rule of the links that touch it and that rule's best probability. */
    private static void note(
            Map<String, Integer> bestRule,
            Map<String, Double> bestProbability,
            String recordId,
            int preference,
            double probability) {
        Integer best = bestRule.get(recordId);
        if (best == null || preference < best) {
            bestRule.put(recordId, preference);
            bestProbability.put(recordId, probability);
        } else if (preference == best) {
            bestProbability.merge(recordId, probability, Math::max);
        }
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
