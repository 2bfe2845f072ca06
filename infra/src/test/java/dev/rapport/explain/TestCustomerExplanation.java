package dev.rapport.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestCustomerExplanation {

    @Test
    void saysWhichDetailsEachLinkedPairSharesAndTheHistory() {
        String text = CustomerExplanation.explain(
                "c-1",
                List.of(
                        new CustomerExplanation.Member("r1", "crm", "1"),
                        new CustomerExplanation.Member("r2", "erp", "A7"),
                        new CustomerExplanation.Member("r3", "shop", "9")),
                List.of(
                        new CustomerExplanation.Link("r2", "r1", "email", 1.0),
                        new CustomerExplanation.Link("r3", "r1", "probabilistic", 0.987)),
                List.of(new CustomerExplanation.Change(
                        "2026-11-23 10:00 UTC", "merge", "c-1", "c-2", "customer c-2 was merged into c-1")));

        assertThat(text)
                .contains("Customer c-1: 3 records from crm, erp, shop")
                .contains("crm:1 and erp:A7 have the same email address.")
                .contains("crm:1 and shop:9 are very likely the same person")
                .contains("match probability 98%")
                .contains("2026-11-23 10:00 UTC merge: customer c-2 was merged into c-1");
    }

    @Test
    void aSingleRecordSaysNothingElseMatched() {
        String text = CustomerExplanation.explain(
                "c-9", List.of(new CustomerExplanation.Member("r9", "web", "5")), List.of(), List.of());

        assertThat(text).contains("1 record from web").contains("Only one record");
    }
}
