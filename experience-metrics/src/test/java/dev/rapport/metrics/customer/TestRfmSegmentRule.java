package dev.rapport.metrics.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestRfmSegmentRule {

    @Test
    void segmentsFollowTheDocumentedRules() {
        assertThat(RfmSegmentRule.segment(5, 5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegmentRule.segment(4, 4, 4)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegmentRule.segment(5, 5, 3)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegmentRule.segment(3, 4, 5)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegmentRule.segment(1, 5, 5)).isEqualTo(RfmSegment.CANT_LOSE_THEM);
        assertThat(RfmSegmentRule.segment(2, 4, 5)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegmentRule.segment(1, 3, 1)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegmentRule.segment(5, 3, 5)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegmentRule.segment(4, 2, 1)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegmentRule.segment(5, 1, 5)).isEqualTo(RfmSegment.NEW_CUSTOMER);
        assertThat(RfmSegmentRule.segment(3, 3, 3)).isEqualTo(RfmSegment.NEEDS_ATTENTION);
        assertThat(RfmSegmentRule.segment(3, 2, 5)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmSegmentRule.segment(2, 2, 5)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegmentRule.segment(1, 1, 1)).isEqualTo(RfmSegment.LOST);
    }

    @Test
    void everyScoreCombinationHasASegmentAndEverySegmentIsReachable() {
        Set<RfmSegment> seen = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    seen.add(RfmSegmentRule.segment(r, f, m));
                }
            }
        }
        assertThat(seen).isEqualTo(EnumSet.allOf(RfmSegment.class));
        assertThat(RfmSegment.POTENTIAL_LOYALIST.label()).isEqualTo("potential_loyalist");
    }

    @Test
    void quintileCountsStrictlyWorseCustomers() {
        // six customers: 0 and 1 worse -> 1, then 2, 3, 4, 5
        assertThat(RfmSegmentRule.quintile(0, 6)).isEqualTo(1);
        assertThat(RfmSegmentRule.quintile(1, 6)).isEqualTo(1);
        assertThat(RfmSegmentRule.quintile(2, 6)).isEqualTo(2);
        assertThat(RfmSegmentRule.quintile(5, 6)).isEqualTo(5);
        // one customer is the worst of one
        assertThat(RfmSegmentRule.quintile(0, 1)).isEqualTo(1);
        // ten customers: two per quintile
        assertThat(RfmSegmentRule.quintile(7, 10)).isEqualTo(4);
        assertThat(RfmSegmentRule.quintile(8, 10)).isEqualTo(5);
    }

    @Test
    void scoresOutOfRangeAreRejected() {
        assertThatThrownBy(() -> RfmSegmentRule.segment(0, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r score must be 1 to 5, got 0");
        assertThatThrownBy(() -> RfmSegmentRule.quintile(6, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("worse must be 0 to customers - 1, got 6 of 6");
    }
}
