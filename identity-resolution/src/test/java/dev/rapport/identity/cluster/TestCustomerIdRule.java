package dev.rapport.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.cluster.CustomerIdRule.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCustomerIdRule {

    @Test
    void theEarliestCreatedRecordNamesTheCustomer() {
        List<Member> members = List.of(new Member("a", 300L), new Member("b", 100L), new Member("c", 200L));

        assertThat(CustomerIdRule.earliest(members).recordId()).isEqualTo("b");
        assertThat(CustomerIdRule.customerId(members)).isEqualTo(CustomerIdRule.customerIdOf("b"));
    }

    @Test
    void recordsWithoutACreationTimeComeLast() {
        List<Member> members = List.of(new Member("a", null), new Member("z", 500L));

        assertThat(CustomerIdRule.earliest(members).recordId()).isEqualTo("z");
    }

    @Test
    void tiesGoToTheSmallestRecordId() {
        assertThat(CustomerIdRule.earliest(List.of(new Member("b", 1L), new Member("a", 1L)))
                        .recordId())
                .isEqualTo("a");
        assertThat(CustomerIdRule.earliest(List.of(new Member("b", null), new Member("a", null)))
                        .recordId())
                .isEqualTo("a");
    }

    @Test
    void theIdIsAPrefixedHashOfTheRecordId() {
        // SHA-256("abc") starts with ba7816bf8f01cfea
        assertThat(CustomerIdRule.customerIdOf("abc")).isEqualTo("c-ba7816bf8f01cfea");
        assertThat(CustomerIdRule.customerIdOf("abc")).isEqualTo(CustomerIdRule.customerIdOf("abc"));
        assertThat(CustomerIdRule.customerIdOf("abd")).isNotEqualTo(CustomerIdRule.customerIdOf("abc"));
    }
}
