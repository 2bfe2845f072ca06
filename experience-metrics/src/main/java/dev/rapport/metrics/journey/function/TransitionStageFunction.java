package dev.rapport.metrics.journey.function;

import dev.rapport.metrics.journey.StageTransition;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code rapport_transition_stage(transition, side)}: the name of the from stage ({@code side}
 * 'from') or the to stage ('to') of a transition numbered by {@code rapport_stage_transitions}.
 */
public final class TransitionStageFunction extends ScalarFunction {

    private static final StageTransition[] TRANSITIONS = StageTransition.values();

    public String eval(Integer transition, String side) {
        if (transition == null) {
            return null;
        }
        if (transition < 0 || transition >= TRANSITIONS.length) {
            throw new IllegalArgumentException("no stage transition numbered " + transition);
        }
        return switch (side) {
            case "from" -> TRANSITIONS[transition].from().label();
            case "to" -> TRANSITIONS[transition].to().label();
            default -> throw new IllegalArgumentException("side must be 'from' or 'to', got '" + side + "'");
        };
    }
}
