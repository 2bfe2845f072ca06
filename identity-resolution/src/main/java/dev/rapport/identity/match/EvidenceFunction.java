package dev.rapport.identity.match;

import dev.rapport.identity.cluster.Assignment;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each link (keyed by its first record id) with that record's {@link Assignment}, in whichever
 * order they arrive, giving the evidence row of the customer the link helped form. Both records of a
 * link always end in the same customer, so the first record's customer is the link's.
 */
public final class EvidenceFunction extends KeyedCoProcessFunction<String, Link, Assignment, Evidence> {

    private static final long serialVersionUID = 1L;

    private transient ListState<Link> pendingLinks;
    private transient ValueState<String> customer;

    @Override
    public void open(OpenContext openContext) {
        pendingLinks =
                getRuntimeContext().getListState(new ListStateDescriptor<>("links", TypeInformation.of(Link.class)));
        customer =
                getRuntimeContext().getState(new ValueStateDescriptor<>("customer", TypeInformation.of(String.class)));
    }

    @Override
    public void processElement1(Link link, Context context, Collector<Evidence> out) throws Exception {
        String customerId = customer.value();
        if (customerId == null) {
            pendingLinks.add(link);
        } else {
            out.collect(new Evidence(customerId, link));
        }
    }

    @Override
    public void processElement2(Assignment assignment, Context context, Collector<Evidence> out) throws Exception {
        customer.update(assignment.customerId);
        Iterable<Link> links = pendingLinks.get();
        if (links != null) {
            for (Link link : links) {
                out.collect(new Evidence(assignment.customerId, link));
            }
        }
        pendingLinks.clear();
    }
}
