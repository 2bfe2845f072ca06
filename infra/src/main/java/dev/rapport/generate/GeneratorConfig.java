package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What to generate: how many persons, from which seed, into which folder.
 *
 * @param persons number of true persons (10,000 give roughly 50,000 records)
 * @param seed the only source of randomness: same seed, byte-identical files
 * @param outDir the folder the files are written to; created if missing
 */
public record GeneratorConfig(int persons, long seed, Path outDir) {

    public static final int DEFAULT_PERSONS = 10_000;

    public GeneratorConfig {
        requireNonNull(outDir, "outDir is null");
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1, got " + persons);
        }
    }
}
