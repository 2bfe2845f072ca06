package dev.rapport.metrics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestOpenTicketIndex {

    private final OpenTicketIndex index = OpenTicketIndex.of(
            Map.of("crm:c1", "K1", "erp:E1", "K1", "crm:c2", "K2"),
            Set.of("hd:T1", "hd:T2", "hd:T5"),
            Map.of(
                    "hd:T1", Set.of("erp:E1"),
                    "hd:T2", Set.of("crm:c1"),
                    "hd:T3", Set.of("crm:c1"),
                    "hd:T5", Set.of("web:anon7")));

    @Test
    void aCustomersOpenTicketsComeFromAnyOfItsRecords() {
        assertThat(index.customerOf("crm", "c1")).contains("K1");
        assertThat(index.openTickets("crm", "c1")).containsExactly("hd:T1", "hd:T2");
        assertThat(index.openTickets("erp", "E1")).containsExactly("hd:T1", "hd:T2");
        assertThat(index.openTickets("crm", "c2")).isEmpty();
    }

    @Test
    void anUnresolvedKeyStillFindsItsOwnTickets() {
        assertThat(index.customerOf("web", "anon7")).isEmpty();
        assertThat(index.openTickets("web", "anon7")).containsExactly("hd:T5");
        assertThat(index.openTickets("web", null)).isEmpty();
    }
}
