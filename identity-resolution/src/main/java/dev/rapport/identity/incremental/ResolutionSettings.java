package dev.rapport.identity.incremental;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.config.ProbabilisticConfig;
import java.util.TreeSet;

/**
 * The settings that decide which links a run makes, in one canonical line. Every run stores it
 * with {@code identity.resolution_state} (as a snapshot property); an incremental run continues
 * only a run with the same line, because links kept from the previous run are only valid under
 * the settings that made them.
 */
public final class ResolutionSettings {

    /** The snapshot property of {@code identity.resolution_state} that holds the line. */
    public static final String SNAPSHOT_PROPERTY = "rapport.identity.settings";

    private ResolutionSettings() {}

    public static String of(IdentityConfig config) {
        ProbabilisticConfig probabilistic = config.probabilistic();
        return "rules=" + config.rules().stream().map(MatchRule::configName).toList()
                + "; max_block_size=" + config.maxBlockSize()
                + "; generic_mailboxes=" + new TreeSet<>(config.genericMailboxes())
                + "; probabilistic="
                + (probabilistic.enabled()
                        ? "threshold " + probabilistic.threshold()
                                + ", max_block_size " + probabilistic.maxBlockSize()
                                + ", window " + probabilistic.window()
                                + ", conflict_override " + probabilistic.conflictOverride()
                        : "off");
    }
}
