package dev.rapport.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Why records are one customer, in words a support agent reads: pure formatting of the customer's
 * rows of {@code identity.identity_map}, {@code identity.match_evidence} and
 * {@code identity.identity_history}.
 */
public final class CustomerExplanation {

    /** A record of the customer: {@code source:source_id} and its record id. */
    public record Member(String recordId, String source, String sourceId) {
        String label() {
            return source + ":" + sourceId;
        }
    }

    /** A link between two of its records. */
    public record Link(String recordId, String otherRecordId, String rule, double probability) {}

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
                String first = label(one, link.recordId());
                String second = label(other, link.otherRecordId());
                if (first.compareTo(second) > 0) {
                    String swap = first;
                    first = second;
                    second = swap;
                }
                reasons.add("  - " + first + " and " + second + " " + because(link.rule(), link.probability()) + ".");
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

    static String because(String rule, double probability) {
        return switch (rule) {
            case "email" -> "have the same email address";
            case "phone" -> "have the same phone number";
            case "source_customer_ref" -> "are linked because one system stores the other's customer number";
            case "national_id" -> "have the same national id number";
            case "probabilistic" ->
                String.format(
                        Locale.ROOT,
                        "are very likely the same person: enough of their name, birth date, address and contact"
                                + " details agree (match probability %.0f%%)",
                        Math.floor(probability * 100));
            default -> "were matched by the rule '" + rule + "'";
        };
    }
}
