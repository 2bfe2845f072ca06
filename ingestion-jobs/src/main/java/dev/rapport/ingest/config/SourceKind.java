package dev.rapport.ingest.config;

import java.util.Locale;

/** What a source holds: customer records or interactions (events of a customer's journey). */
public enum SourceKind {
    CUSTOMER,
    INTERACTION;

    /** The name as the config file writes it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
