package dev.rapport.metrics.customer.function;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.config.MetricsConfig;
import org.apache.flink.table.api.TableEnvironment;

/** Registers the functions the customer metric statements call, with the run's settings. */
public final class CustomerFunctions {

    private CustomerFunctions() {}

    public static void register(TableEnvironment tableEnv, MetricsConfig config) {
        requireNonNull(tableEnv, "tableEnv is null");
        requireNonNull(config, "config is null");
        tableEnv.createTemporarySystemFunction("rapport_rfm_quintile", new RfmQuintileFunction());
        tableEnv.createTemporarySystemFunction("rapport_rfm_segment", new RfmSegmentFunction());
        tableEnv.createTemporarySystemFunction("rapport_churn_risk", new ChurnRiskFunction(config.health()));
        tableEnv.createTemporarySystemFunction("rapport_ticket_priority", new TicketPriorityFunction(config.health()));
    }
}
