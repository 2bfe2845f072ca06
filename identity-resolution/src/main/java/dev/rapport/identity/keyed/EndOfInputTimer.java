package dev.rapport.identity.keyed;

import java.io.IOException;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * For keyed functions that gather all of a key's inputs before acting: registers, once per key,
 * an event-time timer at the end of time, which a bounded job fires when the key's input has ended
 * (in {@code BATCH} mode, as soon as the sorted input moves on to the next key).
 */
public final class EndOfInputTimer {

    private final ValueState<Boolean> registered;

    /** Call from the function's {@code open}. */
    public EndOfInputTimer(RuntimeContext context) {
        registered = context.getState(new ValueStateDescriptor<>("timer-set", Types.BOOLEAN));
    }

    /** Registers the key's end-of-input timer unless it already is. */
    public void await(TimerService timers) throws IOException {
        if (registered.value() == null) {
            registered.update(true);
            timers.registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    /** Forgets the key's timer; call from {@code onTimer} with the key's other state. */
    public void clear() {
        registered.clear();
    }
}
