package dev.rapport.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCustomerExplanation {

    @Test
    void saysWhichDetailsEachLinkedPairSharesAndTheHistory() {
        String text = CustomerExplanation.explain(
                "c-1",
                List.of(
                        new CustomerExplanation.Member(
                                "r1", "crm", "1", Map.of("email", "ana@example.com", "city", "Beograd")),
                        new CustomerExplanation.Member("r2", "erp", "A7", Map.of("email", "ana@example.com")),
                        new CustomerExplanation.Member("r3", "shop", "9", Map.of("city", "Novi Sad"))),
                List.of(
                        new CustomerExplanation.Link(
                                "r2", "r1", "email", 1.0, Map.of("email", "exact", "name", "exact"), null, null, null),
                        new CustomerExplanation.Link(
                                "r3",
                                "r1",
                                "probabilistic",
                                0.987,
                                Map.of("given_name", "exact", "birth_date", "exact", "city", "different"),
                                Map.of("given_name", 5.0, "birth_date", 7.2, "city", -2.5),
                                -3.0,
                                6.75)),
                List.of(new CustomerExplanation.Change(
                        "2026-11-23 10:00 UTC", "merge", "c-1", "c-2", "customer c-2 was merged into c-1")));

        assertThat(text)
                .contains("Customer c-1: 3 records from crm, erp, shop")
                .contains("crm:1 and erp:A7 have the same email address (ana@example.com), and their names agree.")
                .contains("crm:1 and shop:9 are very likely the same person (match probability 98.7%): same birth"
                        + " date (strong evidence, +7.2), same given name (strong evidence, +5.0), different city"
                        + " ('Beograd' vs 'Novi Sad') (evidence against, -2.5)")
                .contains("2026-11-23 10:00 UTC merge: customer c-2 was merged into c-1");
    }

    @Test
    void aSingleRecordSaysNothingElseMatched() {
        String text = CustomerExplanation.explain(
                "c-9", List.of(new CustomerExplanation.Member("r9", "web", "5")), List.of(), List.of());

        assertThat(text).contains("1 record from web").contains("Only one record");
    }
}
