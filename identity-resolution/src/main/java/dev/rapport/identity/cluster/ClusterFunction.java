package dev.rapport.identity.cluster;

import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.score.ProbabilisticLinker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.IntMaximum;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Customers over all records and links ({@link Clustering}: strongest links first, none that would
 * give a customer conflicting birth dates or national ids), then one {@link Assignment} per record and
 * the {@link IdentityEvent}s since the previous run, whose record-to-customer map it reads too
 * ({@link CustomerIdContinuity} keeps the ids).
 *
 * <p>Runs at parallelism 1 (the job sets it): components can span any number of blocks, and a
 * single in-memory union-find over record ids, with the links sorted strongest first, is simple and exact. It holds a few small strings
 * per record, which fits millions of records in one task manager; the blocking, linking, profile
 * and writing around it are parallel. A distributed algorithm (e.g. iterative min-label
 * propagation) replaces it when one task manager is no longer enough.
 */
public final class ClusterFunction extends RichMapPartitionFunction<ClusterInput, Resolution> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: customers (clusters) found. */
    public static final String CUSTOMERS = "identity.customers";
    /** Accumulator: records in the largest cluster. */
    public static final String LARGEST_CLUSTER = "identity.largest-cluster";
    /** Accumulator: probabilistic links that reached the clustering. */
    public static final String PROBABILISTIC_LINKS = "identity.links.probabilistic";
    /** Accumulator: links the guard refused because they would join conflicting birth dates or national ids. */
    public static final String REFUSED_LINKS = "identity.links.refused";
    /** Accumulator: links refused because the customer would have held more than max_cluster_size records. */
    public static final String OVERSIZED_LINKS = "identity.links.oversized";
    /** Accumulator prefix: customers per size class ({@link ClusterSizes}), {@code <prefix><label>}. */
    public static final String CUSTOMERS_OF_SIZE = "identity.cluster-size.customers.";
    /** Accumulator prefix: records in the customers of each size class, {@code <prefix><label>}. */
    public static final String RECORDS_OF_SIZE = "identity.cluster-size.records.";

    private final List<MatchRule> rulePreference;
    private final int maxClusterSize;

    private transient LongCounter customers;
    private transient IntMaximum largestCluster;
    private transient LongCounter probabilisticLinks;
    private transient LongCounter refusedLinks;
    private transient LongCounter oversizedLinks;
    private transient Map<String, LongCounter> customersOfSize;
    private transient Map<String, LongCounter> recordsOfSize;

    public ClusterFunction(List<MatchRule> rulePreference, int maxClusterSize) {
        this.rulePreference = List.copyOf(rulePreference);
        this.maxClusterSize = maxClusterSize;
    }

    @Override
    public void open(OpenContext openContext) {
        customers = new LongCounter();
        largestCluster = new IntMaximum();
        getRuntimeContext().addAccumulator(CUSTOMERS, customers);
        getRuntimeContext().addAccumulator(LARGEST_CLUSTER, largestCluster);
        probabilisticLinks = new LongCounter();
        getRuntimeContext().addAccumulator(PROBABILISTIC_LINKS, probabilisticLinks);
        refusedLinks = new LongCounter();
        getRuntimeContext().addAccumulator(REFUSED_LINKS, refusedLinks);
        oversizedLinks = new LongCounter();
        getRuntimeContext().addAccumulator(OVERSIZED_LINKS, oversizedLinks);
        customersOfSize = new HashMap<>();
        recordsOfSize = new HashMap<>();
        for (ClusterSizes.SizeClass sizeClass : ClusterSizes.CLASSES) {
            LongCounter customersCounter = new LongCounter();
            LongCounter recordsCounter = new LongCounter();
            getRuntimeContext().addAccumulator(CUSTOMERS_OF_SIZE + sizeClass.label(), customersCounter);
            getRuntimeContext().addAccumulator(RECORDS_OF_SIZE + sizeClass.label(), recordsCounter);
            customersOfSize.put(sizeClass.label(), customersCounter);
            recordsOfSize.put(sizeClass.label(), recordsCounter);
        }
    }

    @Override
    public void mapPartition(Iterable<ClusterInput> inputs, Collector<Resolution> out) {
        Clustering clustering = new Clustering(rulePreference, maxClusterSize);
        Map<String, String> previousCustomerOf = new HashMap<>();
        for (ClusterInput input : inputs) {
            if (input.previousCustomerId != null) {
                previousCustomerOf.put(input.recordId, input.previousCustomerId);
            } else if (input.link) {
                if (ProbabilisticLinker.RULE.equals(input.rule)) {
                    probabilisticLinks.add(1L);
                }
                clustering.addLink(input.recordId, input.otherRecordId, input.rule, input.probability);
            } else {
                clustering.addRecord(
                        input.recordId,
                        input.source,
                        input.sourceId,
                        input.createdAt,
                        input.birthDate,
                        input.nationalId);
            }
        }
        Clustering.Resolved resolved = clustering.resolve(previousCustomerOf);
        refusedLinks.add(resolved.refusedLinks());
        oversizedLinks.add(resolved.oversizedLinks());
        for (List<Assignment> customer : resolved.customers()) {
            customers.add(1L);
            largestCluster.add(customer.size());
            String sizeClass = ClusterSizes.of(customer.size()).label();
            customersOfSize.get(sizeClass).add(1L);
            recordsOfSize.get(sizeClass).add((long) customer.size());
            for (Assignment assignment : customer) {
                out.collect(Resolution.of(assignment));
            }
        }
        for (IdentityEvent event : resolved.events()) {
            out.collect(Resolution.of(event));
        }
    }
}
