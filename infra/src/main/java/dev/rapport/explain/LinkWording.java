package dev.rapport.explain;

import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.match.EvidenceDetail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why two records were linked, in words a support agent reads: one sentence per link, pure
 * formatting of an {@code identity.match_evidence} row and the two records' details.
 *
 * <p>Probabilistic links list each compared field, strongest evidence first, with its match weight
 * (log2 of how much likelier that outcome is for one person than for two) and a word for its
 * strength; fields missing on either side are named at the end. Deterministic links name the
 * identifier they share and what the name guard found. Rows written before the evidence columns
 * existed get the rule alone.
 */
public final class LinkWording {

    /** Record details by evidence field: the {@code staging.customer_records} column shown. */
    static final Map<String, String> DETAIL_COLUMNS = Map.of(
            "given_name", "first_name",
            "family_name", "last_name",
            "birth_date", "birth_date",
            "email", "email",
            "phone", "phone",
            "postcode", "postcode",
            "city", "city",
            "street", "street");

    private LinkWording() {}

    /**
     * The sentence for one link, e.g. "crm:1 and erp:A7 have the same email address (...), and their
     * names agree." The two records are named in sorted order, and quoted values follow that order.
     * {@code oneLabel} and {@code oneDetails} are the link's record ({@code record_id}), the others
     * its {@code other_record_id}; details map an evidence field to a value (see
     * {@link #DETAIL_COLUMNS}) and may be empty.
     */
    public static String sentence(
            CustomerExplanation.Link link,
            String oneLabel,
            Map<String, String> oneDetails,
            String otherLabel,
            Map<String, String> otherDetails) {
        boolean swap = oneLabel.compareTo(otherLabel) > 0;
        String first = swap ? otherLabel : oneLabel;
        String second = swap ? oneLabel : otherLabel;
        Map<String, String> firstDetails = swap ? otherDetails : oneDetails;
        Map<String, String> secondDetails = swap ? oneDetails : otherDetails;
        String reason = "probabilistic".equals(link.rule())
                ? probabilistic(link, firstDetails, secondDetails)
                : deterministic(link, oneLabel, otherLabel, firstDetails, secondDetails);
        return first + " and " + second + " " + reason + ".";
    }

    private static String deterministic(
            CustomerExplanation.Link link,
            String oneLabel,
            String otherLabel,
            Map<String, String> first,
            Map<String, String> second) {
        String text =
                switch (link.rule()) {
                    case "email" -> "have the same email address" + shared("email", first, second);
                    case "phone" -> "have the same phone number" + shared("phone", first, second);
                    // the link's first record is the referrer, the other the record it refers to
                    case "source_customer_ref" ->
                        "are linked because " + oneLabel + " refers to " + otherLabel + " by its customer number";
                    case "national_id" -> "have the same national id number";
                    default -> "were matched by the rule '" + link.rule() + "'";
                };
        String name = link.levels() == null ? null : link.levels().get(EvidenceDetail.NAME);
        if (name == null) {
            return text;
        }
        return text
                + switch (name) {
                    case "exact" -> ", and their names agree";
                    case "close" -> ", and their names are close enough" + quoted(fullName(first), fullName(second));
                    case "missing" -> ", and one of them has no name to check";
                    default -> ", name check: " + name;
                };
    }

    private static String shared(String field, Map<String, String> one, Map<String, String> other) {
        String value = one.get(field) != null ? one.get(field) : other.get(field);
        return value == null ? "" : " (" + value + ")";
    }

    private static String probabilistic(
            CustomerExplanation.Link link, Map<String, String> one, Map<String, String> other) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT, "are very likely the same person (match probability %s)", percent(link.probability())));
        Map<String, String> levels = link.levels();
        Map<String, Double> weights = link.weights();
        if (levels == null || weights == null) {
            return text.append(": enough of their name, birth date, address and contact details agree")
                    .toString();
        }
        List<MatchField> compared = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (MatchField field : MatchField.values()) {
            String level = levels.get(field.column());
            if (level == null || level.equals("missing")) {
                missing.add(field.label());
            } else {
                compared.add(field);
            }
        }
        compared.sort(Comparator.comparingDouble((MatchField field) -> -weight(weights, field)));
        List<String> parts = new ArrayList<>();
        for (MatchField field : compared) {
            double weight = weight(weights, field);
            parts.add(field(field, levels.get(field.column()), one, other)
                    + String.format(Locale.ROOT, " (%s, %+.1f)", strength(weight), weight));
        }
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        if (!missing.isEmpty()) {
            text.append("; not compared, missing on one side: ").append(String.join(", ", missing));
        }
        if (link.priorWeight() != null && link.totalWeight() != null) {
            text.append(String.format(
                    Locale.ROOT,
                    ". Two records picked at random are rarely one person (%+.1f); with these details the total"
                            + " is %+.1f",
                    link.priorWeight(),
                    link.totalWeight()));
        }
        return text.toString();
    }

    /** One field's outcome: "same email", "different city ('Nis' vs 'Beograd')", "given name close or nickname (...)". */
    static String field(MatchField field, String level, Map<String, String> one, Map<String, String> other) {
        String label = field.label();
        if (level.equals("exact")) {
            return "same " + label;
        }
        String values =
                field == MatchField.NATIONAL_ID ? "" : quoted(one.get(field.column()), other.get(field.column()));
        if (level.equals("different")) {
            return "different " + label + values;
        }
        return label + " " + words(field, level) + values;
    }

    /** A level code back in words: "close_or_nickname" is "close or nickname". */
    private static String words(MatchField field, String code) {
        for (int level = 0; level < field.levelCount(); level++) {
            if (field.levelCode(level).equals(code)) {
                return field.levelName(level);
            }
        }
        return code.replace('_', ' ');
    }

    /** How much a weight says, in words: it is log2 of how much likelier the outcome is for one person. */
    static String strength(double weight) {
        if (weight >= 8) {
            return "very strong evidence";
        }
        if (weight >= 4) {
            return "strong evidence";
        }
        if (weight >= 1) {
            return "some evidence";
        }
        if (weight > -1) {
            return "hardly any evidence";
        }
        if (weight > -4) {
            return "evidence against";
        }
        return "strong evidence against";
    }

    /** The probability as a percentage, rounded down so that a near-certain link never reads 100%. */
    static String percent(double probability) {
        // the small nudge keeps a binary fraction such as 0.987 * 1000 = 986.999... at 98.7
        double tenths = Math.floor(probability * 1000 + 1e-9) / 10;
        return String.format(Locale.ROOT, tenths == Math.rint(tenths) ? "%.0f%%" : "%.1f%%", tenths);
    }

    private static double weight(Map<String, Double> weights, MatchField field) {
        Double weight = weights.get(field.column());
        return weight == null ? 0 : weight;
    }

    private static String quoted(String a, String b) {
        if (a == null || b == null) {
            return "";
        }
        return " ('" + a + "' vs '" + b + "')";
    }

    private static String fullName(Map<String, String> details) {
        String given = details.get("given_name");
        String family = details.get("family_name");
        if (given == null && family == null) {
            return null;
        }
        return given == null ? family : family == null ? given : given + " " + family;
    }
}
