package dev.rapport.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestLinkWording {

    private static final Map<String, String> ANN = Map.of(
            "given_name",
            "Ann",
            "family_name",
            "Lee",
            "email",
            "ann@x.com",
            "city",
            "Leeds",
            "birth_date",
            "1990-04-12");
    private static final Map<String, String> ANNE = Map.of(
            "given_name",
            "Anne",
            "family_name",
            "Lee",
            "email",
            "ann@x.com",
            "city",
            "York",
            "birth_date",
            "1990-04-12");

    @Test
    void aProbabilisticLinkListsEachComparedFieldStrongestFirstWithItsWeight() {
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        put(levels, weights, "given_name", "close_or_nickname", 3.2);
        put(levels, weights, "family_name", "exact", 4.1);
        put(levels, weights, "birth_date", "exact", 6.5);
        put(levels, weights, "national_id", "missing", 0.0);
        put(levels, weights, "email", "exact", 9.1);
        put(levels, weights, "phone", "missing", 0.0);
        put(levels, weights, "postcode", "missing", 0.0);
        put(levels, weights, "city", "different", -2.4);
        put(levels, weights, "street", "missing", 0.0);
        CustomerExplanation.Link link =
                new CustomerExplanation.Link("r2", "r1", "probabilistic", 0.99983, levels, weights, -8.0, 12.5);

        String text = LinkWording.sentence(link, "erp:A-9", ANNE, "crm:123", ANN);

        assertThat(text)
                .startsWith("crm:123 and erp:A-9 are very likely the same person (match probability 99.9%): "
                        + "same email (very strong evidence, +9.1), same birth date (strong evidence, +6.5), "
                        + "same family name (strong evidence, +4.1), "
                        + "given name close or nickname ('Ann' vs 'Anne') (some evidence, +3.2), "
                        + "different city ('Leeds' vs 'York') (evidence against, -2.4); "
                        + "not compared, missing on one side: national id, phone, postcode, street.")
                .contains("rarely one person (-8.0)", "the total is +12.5")
                .endsWith(".");
    }

    @Test
    void aNationalIdIsNeverQuoted() {
        CustomerExplanation.Link link = new CustomerExplanation.Link(
                "r1",
                "r2",
                "probabilistic",
                0.97,
                Map.of("national_id", "one_edit_apart"),
                Map.of("national_id", 5.0),
                null,
                null);

        String text =
                LinkWording.sentence(link, "a:1", Map.of("national_id", "123"), "b:2", Map.of("national_id", "124"));

        assertThat(text)
                .contains("national id one edit apart (strong evidence, +5.0)")
                .doesNotContain("123");
    }

    @Test
    void aDeterministicLinkNamesTheSharedIdentifierAndTheNameCheck() {
        CustomerExplanation.Link exact = new CustomerExplanation.Link(
                "r2", "r1", "email", 1.0, Map.of("email", "exact", "name", "exact"), null, null, null);
        CustomerExplanation.Link close = new CustomerExplanation.Link(
                "r2", "r1", "email", 1.0, Map.of("email", "exact", "name", "close"), null, null, null);
        CustomerExplanation.Link nameless = new CustomerExplanation.Link(
                "r2", "r1", "phone", 1.0, Map.of("phone", "exact", "name", "missing"), null, null, null);

        assertThat(LinkWording.sentence(exact, "erp:A-9", ANNE, "crm:123", ANN))
                .isEqualTo("crm:123 and erp:A-9 have the same email address (ann@x.com), and their names agree.");
        assertThat(LinkWording.sentence(close, "erp:A-9", ANNE, "crm:123", ANN))
                .isEqualTo("crm:123 and erp:A-9 have the same email address (ann@x.com), and their names are close"
                        + " enough ('Ann Lee' vs 'Anne Lee').");
        assertThat(LinkWording.sentence(nameless, "erp:A-9", Map.of("phone", "+38164"), "crm:123", Map.of()))
                .isEqualTo("crm:123 and erp:A-9 have the same phone number (+38164), and one of them has no name to"
                        + " check.");
    }

    @Test
    void aReferenceSaysWhichRecordRefersToWhich() {
        CustomerExplanation.Link link = new CustomerExplanation.Link(
                "r1",
                "r2",
                "source_customer_ref",
                1.0,
                Map.of("source_customer_ref", "exact", "name", "exact"),
                null,
                null,
                null);

        assertThat(LinkWording.sentence(link, "crm:3", Map.of(), "erp:B200", Map.of()))
                .isEqualTo("crm:3 and erp:B200 are linked because crm:3 refers to erp:B200 by its customer number,"
                        + " and their names agree.");
    }

    @Test
    void rowsWithoutEvidenceColumnsStillReadWell() {
        assertThat(LinkWording.sentence(
                        new CustomerExplanation.Link("r2", "r1", "email", 1.0), "b:1", Map.of(), "a:1", Map.of()))
                .isEqualTo("a:1 and b:1 have the same email address.");
        assertThat(LinkWording.sentence(
                        new CustomerExplanation.Link("r2", "r1", "probabilistic", 0.96),
                        "b:1",
                        Map.of(),
                        "a:1",
                        Map.of()))
                .isEqualTo("a:1 and b:1 are very likely the same person (match probability 96%): enough of their"
                        + " name, birth date, address and contact details agree.");
    }

    @Test
    void strengthAndPercentInWords() {
        assertThat(LinkWording.strength(9)).isEqualTo("very strong evidence");
        assertThat(LinkWording.strength(0.3)).isEqualTo("hardly any evidence");
        assertThat(LinkWording.strength(-5)).isEqualTo("strong evidence against");
        assertThat(LinkWording.percent(0.99999)).isEqualTo("99.9%");
        assertThat(LinkWording.percent(1.0)).isEqualTo("100%");
        assertThat(LinkWording.percent(0.987)).isEqualTo("98.7%");
    }

    private static void put(
            Map<String, String> levels, Map<String, Double> weights, String field, String level, double weight) {
        levels.put(field, level);
        weights.put(field, weight);
    }
}
