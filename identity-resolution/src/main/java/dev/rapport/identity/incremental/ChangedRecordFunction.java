package dev.rapport.identity.incremental;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.keyed.EndOfInputTimer;
import dev.rapport.identity.match.BlockUpdate;
import dev.rapport.identity.record.ResolutionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each record (keyed by record id) with what the previous run saw of it and, if it changed
 * ({@link ChangedRecordRule}), touches every block it joins now or joined before.
 */
public final class ChangedRecordFunction
        extends KeyedCoProcessFunction<String, ResolutionRecord, SeenRecord, BlockUpdate> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: new, updated and deleted records. */
    public static final String CHANGED_RECORDS = "identity.changed-records";
    /** Accumulator: records the previous run saw that are gone. */
    public static final String DELETED_RECORDS = "identity.deleted-records";

    private final RecordBlocks recordBlocks;

    private transient ValueState<ResolutionRecord> current;
    private transient ListState<SeenRecord> seen;
    private transient EndOfInputTimer endOfInput;
    private transient LongCounter changedRecords;
    private transient LongCounter deletedRecords;

    public ChangedRecordFunction(RecordBlocks recordBlocks) {
        this.recordBlocks = requireNonNull(recordBlocks, "recordBlocks is null");
    }

    @Override
    public void open(OpenContext openContext) {
        current = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("current-record", TypeInformation.of(ResolutionRecord.class)));
        seen = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("seen-record", TypeInformation.of(SeenRecord.class)));
        endOfInput = new EndOfInputTimer(getRuntimeContext());
        changedRecords = new LongCounter();
        deletedRecords = new LongCounter();
        getRuntimeContext().addAccumulator(CHANGED_RECORDS, changedRecords);
        getRuntimeContext().addAccumulator(DELETED_RECORDS, deletedRecords);
    }

    @Override
    public void processElement1(ResolutionRecord record, Context context, Collector<BlockUpdate> out) throws Exception {
        endOfInput.await(context.timerService());
        current.update(record);
    }

    @Override
    public void processElement2(SeenRecord row, Context context, Collector<BlockUpdate> out) throws Exception {
        endOfInput.await(context.timerService());
        seen.add(row);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<BlockUpdate> out) throws Exception {
        ResolutionRecord record = current.value();
        List<Long> previousIngestedAt = new ArrayList<>();
        List<String> previousFingerprints = new ArrayList<>();
        List<String> previousBlocks = new ArrayList<>();
        for (SeenRecord row : seen.get()) {
            previousIngestedAt.add(row.ingestedAt);
            previousFingerprints.add(row.fingerprint);
            previousBlocks.add(row.blockKey);
        }
        current.clear();
        seen.clear();
        endOfInput.clear();
        boolean present = record != null;
        if (!ChangedRecordRule.changed(
                present,
                present ? record.ingestedAt : null,
                present ? RecordFingerprint.of(record) : null,
                previousIngestedAt,
                previousFingerprints)) {
            return;
        }
        changedRecords.add(1L);
        if (!present) {
            deletedRecords.add(1L);
        }
        Set<String> currentBlocks = present ? recordBlocks.of(record) : Set.of();
        for (String block : ChangedRecordRule.touchedBlocks(currentBlocks, previousBlocks)) {
            out.collect(BlockUpdate.touch(block));
        }
    }
}
