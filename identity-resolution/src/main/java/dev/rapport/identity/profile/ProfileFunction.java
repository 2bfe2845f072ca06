package dev.rapport.identity.profile;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.record.ResolutionRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects a customer's records (keyed by customer id) until the input ends, then emits the
 * golden record in the output form the caller chooses (the job writes Iceberg rows).
 */
public final class ProfileFunction<OUT> extends KeyedProcessFunction<String, AssignedRecord, OUT> {

    private static final long serialVersionUID = 1L;

    /** Turns a golden profile into what the job writes. */
    @FunctionalInterface
    public interface Output<OUT> extends Serializable {
        OUT apply(GoldenProfile profile);
    }

    private final Output<OUT> output;

    private transient ListState<ResolutionRecord> records;

    public ProfileFunction(Output<OUT> output) {
        this.output = requireNonNull(output, "output is null");
    }

    @Override
    public void open(OpenContext openContext) {
        records = getRuntimeContext()
                .getListState(
                        new ListStateDescriptor<>("customer-records", TypeInformation.of(ResolutionRecord.class)));
    }

    @Override
    public void processElement(AssignedRecord assigned, Context context, Collector<OUT> out) throws Exception {
        // fires once the input is over (end of key in batch mode, final watermark otherwise);
        // registering the same timer again is a no-op
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        records.add(assigned.record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<OUT> out) throws Exception {
        List<ResolutionRecord> all = new ArrayList<>();
        for (ResolutionRecord record : records.get()) {
            all.add(record);
        }
        records.clear();
        if (!all.isEmpty()) {
            out.collect(output.apply(GoldenRecordRule.build(context.getCurrentKey(), all)));
        }
    }
}
