package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.report.ReportData.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestFunnelOrder {

    private static Transition step(String from, String to, long customers) {
        return new Transition(from, to, 90, customers, customers / 2, 1, 2, 3, 4);
    }

    @Test
    void followsTheJourneyFromTheStageNothingLeadsInto() {
        List<Transition> ordered = FunnelOrder.chain(List.of(
                step("first_purchase", "repeat_purchase", 40),
                step("lead", "first_purchase", 100),
                step("repeat_purchase", "loyal", 10)));

        assertThat(ordered).extracting(Transition::from).containsExactly("lead", "first_purchase", "repeat_purchase");
    }

    @Test
    void stepsOffTheChainFollowLargestFirstAndACycleEnds() {
        List<Transition> ordered = FunnelOrder.chain(
                List.of(step("a", "b", 100), step("b", "a", 50), step("x", "y", 5), step("c", "d", 30)));

        assertThat(ordered).extracting(Transition::from).containsExactly("c", "a", "b", "x");
    }
}
