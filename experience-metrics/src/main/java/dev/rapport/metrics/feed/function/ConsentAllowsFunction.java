package dev.rapport.metrics.feed.function;

import dev.rapport.metrics.feed.ChannelConsent;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code rapport_consent_allows(consent)}: whether a message may go out, {@link ChannelConsent#allows}. */
public final class ConsentAllowsFunction extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final boolean requireExplicitConsent;

    public ConsentAllowsFunction(boolean requireExplicitConsent) {
        this.requireExplicitConsent = requireExplicitConsent;
    }

    public boolean eval(String consent) {
        return ChannelConsent.of(consent).allows(requireExplicitConsent);
    }
}
