package dev.rapport.ingest.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * One of a source's {@link IngestionCounters}, counted by one task: published as the accumulator
 * {@code <source>.<counter>} and as a metric of the task's operator.
 */
final class SourceCounter {

    private final LongCounter accumulator = new LongCounter();
    private final Counter metric;

    private SourceCounter(RuntimeContext context, String source, String counter) {
        context.addAccumulator(IngestionCounters.accumulator(source, counter), accumulator);
        this.metric = context.getMetricGroup().counter(counter);
    }

    /** Registers {@code counter} of {@code source} with the task of {@code context}. */
    static SourceCounter register(RuntimeContext context, String source, String counter) {
        return new SourceCounter(context, source, counter);
    }

    void increment() {
        accumulator.add(1);
        metric.inc();
    }
}
