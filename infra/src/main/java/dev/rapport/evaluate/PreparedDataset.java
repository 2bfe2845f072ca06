package dev.rapport.evaluate;

import java.nio.file.Path;
import java.util.Map;

/**
 * A data set made ready for the real pipeline: a {@code rapport.yaml} whose sources read it, and
 * the truth, keyed by {@link #key(String, String)}.
 */
public record PreparedDataset(String name, Path configFile, Map<String, String> truth) {

    public PreparedDataset {
        truth = Map.copyOf(truth);
    }

    public static String key(String source, String sourceId) {
        return source + "\u0000" + sourceId;
    }
}
