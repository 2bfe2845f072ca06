package dev.rapport.identity.score;

import dev.rapport.identity.compare.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The keyed state of one candidate block while its records arrive: the records, up to the cap
 * (a block over it is not compared, so the rest are only counted), and how many there were.
 */
final class CandidateBlockState {

    /** The records kept, and the block's size (which can exceed their number). */
    record Gathered(List<MatchRecord> records, int size) {}

    private final ListState<MatchRecord> records;
    private final ValueState<Integer> size;
    private final int maxBlockSize;

    /** Call from the function's {@code open}. */
    CandidateBlockState(RuntimeContext context, int maxBlockSize) {
        records = context.getListState(
                new ListStateDescriptor<>("candidate-entries", TypeInformation.of(MatchRecord.class)));
        size = context.getState(new ValueStateDescriptor<>("candidate-block-size", Types.INT));
        this.maxBlockSize = maxBlockSize;
    }

    void add(MatchRecord record) throws Exception {
        Integer seen = size.value();
        int count = seen == null ? 1 : seen + 1;
        size.update(count);
        if (count <= maxBlockSize) {
            records.add(record);
        }
    }

    /** The block as gathered; clears the state. */
    Gathered drain() throws Exception {
        List<MatchRecord> block = new ArrayList<>();
        for (MatchRecord record : records.get()) {
            block.add(record);
        }
        Integer count = size.value();
        records.clear();
        size.clear();
        return new Gathered(block, count == null ? block.size() : count);
    }
}
