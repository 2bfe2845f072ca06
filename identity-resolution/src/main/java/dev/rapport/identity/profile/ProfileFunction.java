package dev.rapport.identity.profile;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.config.SurvivorshipConfig;
import dev.rapport.identity.record.ResolutionRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects a customer's records (keyed by customer id) until the input ends, then emits the
 * golden record, built by {@link GoldenRecordRule} under the survivorship policy, in the output
 * form the caller chooses (the job writes Iceberg rows).
 */
public final class ProfileFunction<OUT> extends KeyedProcessFunction<String, AssignedRecord, OUT> {

    private static final long serialVersionUID = 1L;

    /** Turns a golden profile into what the job writes. */
    @FunctionalInterface
    public interface Output<OUT> extends Serializable {
        OUT apply(GoldenProfile profile);
    }

    private final SurvivorshipConfig policy;
    private final Output<OUT> output;

    private transient ListState<ResolutionRecord> records;
    private transient Map<String, Counter> resolvedBySource;
    private transient Map<String, Counter> matchedBySource;
    private transient LongCounter matched;

    public ProfileFunction(SurvivorshipConfig policy, Output<OUT> output) {
        this.policy = requireNonNull(policy, "policy is null");
        this.output = requireNonNull(output, "output is null");
    }

    @Override
    public void open(OpenContext openContext) {
        records = getRuntimeContext()
                .getListState(
                        new ListStateDescriptor<>("customer-records", TypeInformation.of(ResolutionRecord.class)));
        resolvedBySource = new HashMap<>();
        matchedBySource = new HashMap<>();
        matched = getRuntimeContext().getLongCounter(IdentityCounters.MATCHED_ACCUMULATOR);
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
            count(all);
            out.collect(output.apply(GoldenRecordRule.build(context.getCurrentKey(), all, policy)));
        }
    }

    /** Every record of the customer is resolved; matched too when the customer holds others. */
    private void count(List<ResolutionRecord> customerRecords) {
        boolean isMatch = customerRecords.size() > 1;
        for (ResolutionRecord record : customerRecords) {
            counter(resolvedBySource, record.source, IdentityCounters.RESOLVED).inc();
            if (isMatch) {
                counter(matchedBySource, record.source, IdentityCounters.MATCHED)
                        .inc();
                matched.add(1L);
            }
        }
    }

    private Counter counter(Map<String, Counter> bySource, String source, String name) {
        return bySource.computeIfAbsent(source, key -> getRuntimeContext()
                .getMetricGroup()
                .addGroup(IdentityCounters.SOURCE_GROUP, key)
                .counter(name));
    }
}
