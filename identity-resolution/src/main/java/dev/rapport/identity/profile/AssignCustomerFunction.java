package dev.rapport.identity.profile;

import dev.rapport.identity.cluster.Assignment;
import dev.rapport.identity.record.ResolutionRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each record (keyed by record id) with its {@link Assignment}, in whichever order the two
 * arrive, so the profile can be built in parallel by customer without the clustering operator
 * holding whole records.
 */
public final class AssignCustomerFunction
        extends KeyedCoProcessFunction<String, ResolutionRecord, Assignment, AssignedRecord> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<ResolutionRecord> pendingRecord;
    private transient ValueState<String> pendingCustomer;

    @Override
    public void open(OpenContext openContext) {
        pendingRecord = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("record", TypeInformation.of(ResolutionRecord.class)));
        pendingCustomer =
                getRuntimeContext().getState(new ValueStateDescriptor<>("customer", TypeInformation.of(String.class)));
    }

    @Override
    public void processElement1(ResolutionRecord record, Context context, Collector<AssignedRecord> out)
            throws Exception {
        String customerId = pendingCustomer.value();
        if (customerId == null) {
            pendingRecord.update(record);
        } else {
            pendingCustomer.clear();
            out.collect(new AssignedRecord(customerId, record));
        }
    }

    @Override
    public void processElement2(Assignment assignment, Context context, Collector<AssignedRecord> out)
            throws Exception {
        ResolutionRecord record = pendingRecord.value();
        if (record == null) {
            pendingCustomer.update(assignment.customerId);
        } else {
            pendingRecord.clear();
            out.collect(new AssignedRecord(assignment.customerId, record));
        }
    }
}
