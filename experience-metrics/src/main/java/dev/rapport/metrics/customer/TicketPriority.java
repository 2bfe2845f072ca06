package dev.rapport.metrics.customer;

import java.util.List;

/** A ticket's priority score (higher is worked first) and its reasons, most important first. */
public record TicketPriority(double score, List<String> reasons) {

    public TicketPriority {
        reasons = List.copyOf(reasons);
    }

    public String reasonsText() {
        return String.join("; ", reasons);
    }
}
