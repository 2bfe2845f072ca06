package dev.rapport.metrics.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestCustomerSegments {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    @Test
    void listsRfmRiskAndARecentNpsCategory() {
        assertThat(CustomerSegments.of(AS_OF, "champions", "low", 10, AS_OF.minusDays(5)))
                .containsExactly("rfm_champions", "churn_risk_low", "nps_promoter");
        assertThat(CustomerSegments.of(AS_OF, null, "high", 7, AS_OF.minusDays(180)))
                .containsExactly("churn_risk_high", "nps_passive");
        assertThat(CustomerSegments.of(AS_OF, null, null, 3, AS_OF.minusDays(181)))
                .isEmpty();
    }
}
