package dev.rapport.identity.score;

import dev.rapport.identity.compare.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts how many records share a name (keyed by {@link #key}): collects the records of one name
 * until the input ends, then emits each with the count set, for the term-frequency adjustment
 * ({@link dev.rapport.identity.model.TermFrequencyAdjustment}). A record without that name is keyed
 * alone and passes with a count of 0. Keyed, so it runs at any parallelism with the same result.
 */
public final class TermFrequencyFunction extends KeyedProcessFunction<String, MatchRecord, MatchRecord> {

    private static final long serialVersionUID = 1L;

    /** Which name is counted. */
    public enum Name {
        GIVEN,
        FAMILY
    }

    private final Name name;

    private transient ListState<MatchRecord> records;

    public TermFrequencyFunction(Name name) {
        this.name = name;
    }

    /** The key of a record for counting {@code name}: the name, or the record id when it has none. */
    public static KeySelector<MatchRecord, String> key(Name name) {
        return record -> {
            String value = name == Name.GIVEN ? record.givenName : record.familyName;
            return value == null ? "#" + record.recordId : "=" + value;
        };
    }

    @Override
    public void open(OpenContext openContext) {
        records = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("term-records", TypeInformation.of(MatchRecord.class)));
    }

    @Override
    public void processElement(MatchRecord record, Context context, Collector<MatchRecord> out) throws Exception {
        if (context.getCurrentKey().startsWith("#")) {
            out.collect(record);
            return;
        }
        records.add(record);
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<MatchRecord> out) throws Exception {
        List<MatchRecord> sharing = new ArrayList<>();
        for (MatchRecord record : records.get()) {
            sharing.add(record);
        }
        records.clear();
        for (MatchRecord record : sharing) {
            if (name == Name.GIVEN) {
                record.givenNameCount = sharing.size();
            } else {
                record.familyNameCount = sharing.size();
            }
            out.collect(record);
        }
    }
}
