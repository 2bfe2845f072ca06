package dev.rapport.identity.cluster;

import java.util.Objects;

/**
 * A change of customer ids between two runs: one row of {@code identity.identity_history}. A Flink
 * POJO.
 */
public class IdentityEvent {

    /** A customer seen for the first time. */
    public static final String NEW = "new";
    /** {@link #otherCustomerId} was merged into {@link #customerId}, which survives. */
    public static final String MERGE = "merge";
    /** Records of {@link #otherCustomerId} no longer belong to it and now form or join {@link #customerId}. */
    public static final String SPLIT = "split";

    public String event;
    public String customerId;
    /** Merges and splits only. */
    public String otherCustomerId;
    /** Records that moved (merge, split) or that the new customer has. */
    public int recordCount;

    public String reason;

    public IdentityEvent() {}

    public IdentityEvent(String event, String customerId, String otherCustomerId, int recordCount, String reason) {
        this.event = Objects.requireNonNull(event, "event is null");
        this.customerId = Objects.requireNonNull(customerId, "customerId is null");
        this.otherCustomerId = otherCustomerId;
        this.recordCount = recordCount;
        this.reason = Objects.requireNonNull(reason, "reason is null");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityEvent that
                && Objects.equals(event, that.event)
                && Objects.equals(customerId, that.customerId)
                && Objects.equals(otherCustomerId, that.otherCustomerId)
                && recordCount == that.recordCount
                && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, customerId, otherCustomerId);
    }

    @Override
    public String toString() {
        return event + " " + customerId + (otherCustomerId == null ? "" : " / " + otherCustomerId) + " (" + recordCount
                + " records)";
    }
}
