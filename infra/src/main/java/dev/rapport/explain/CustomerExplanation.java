package dev.rapport.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Why records are one customer, in words a support agent reads: pure formatting of the customer's
 * rows of {@code identity.identity_map}, {@code identity.match_evidence} and
 * {@code identity.identity_history}.
 */
public final class CustomerExplanation {

    /**
     * A record of the customer: {@code source:source_id}, its record id, and the details a link's
     * explanation quotes (evidence field to value, e.g. {@code given_name -> Ana}; see
     * {@link LinkWording#DETAIL_COLUMNS}).
     */
    public record Member(String recordId, String source, String sourceId, Map<String, String> details) {
        public Member {
            details = details == null ? Map.of() : Map.copyOf(details);
        }

        public Member(String recordId, String source, String sourceId) {
            this(recordId, source, sourceId, Map.of());
        }

        String label() {
            return source + ":" + sourceId;
        }
    }

    /**
     * A link between two of its records: a row of {@code identity.match_evidence}. The levels,
     * weights, prior and total are null where the row has none (deterministic rules have levels
     * only; rows written before those columns existed have none).
     */
    public record Link(
            String recordId,
            String otherRecordId,
            String rule,
            double probability,
            Map<String, String> levels,
            Map<String, Double> weights,
            Double priorWeight,
            Double totalWeight) {

        public Link(String recordId, String otherRecordId, String rule, double probability) {
            this(recordId, otherRecordId, rule, probability, null, null, null, null);
        }
    }

    /** A change of ids that involved the customer. */
    public record Change(String when, String event, String customerId, String otherCustomerId, String reason) {}

    private CustomerExplanation() {}

    public static String explain(String customerId, List<Member> members, List<Link> links, List<Change> history) {
        StringBuilder out = new StringBuilder();
        Map<String, Member> byId = new java.util.HashMap<>();
        members.forEach(member -> byId.put(member.recordId(), member));
        TreeSet<String> sources = new TreeSet<>();
        members.forEach(member -> sources.add(member.source()));
        List<String> labels = members.stream().map(Member::label).sorted().toList();
        out.append("Customer ")
                .append(customerId)
                .append(": ")
                .append(members.size())
                .append(members.size() == 1 ? " record" : " records")
                .append(" from ")
                .append(String.join(", ", sources))
                .append('\n');
        out.append("  Records: ").append(String.join(", ", labels)).append('\n');
        if (members.size() == 1) {
            out.append("Only one record: nothing else matched it closely enough to be the same person.\n");
        } else {
            out.append("Why these records are one customer:\n");
            List<String> reasons = new ArrayList<>();
            for (Link link : links) {
                Member one = byId.get(link.recordId());
                Member other = byId.get(link.otherRecordId());
                reasons.add("  - "
                        + LinkWording.sentence(
                                link,
                                label(one, link.recordId()),
                                one == null ? Map.of() : one.details(),
                                label(other, link.otherRecordId()),
                                other == null ? Map.of() : other.details()));
            }
            reasons.stream().sorted().forEach(reason -> out.append(reason).append('\n'));
            out.append("  Records linked to each other, directly or through another record, are one customer.\n");
        }
        if (!history.isEmpty()) {
            out.append("History:\n");
            for (Change change : history) {
                out.append("  - ")
                        .append(change.when())
                        .append(" ")
                        .append(change.event())
                        .append(": ")
                        .append(change.reason())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String label(Member member, String recordId) {
        return member == null ? "record " + recordId : member.label();
    }
}
