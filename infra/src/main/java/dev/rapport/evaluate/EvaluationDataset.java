package dev.rapport.evaluate;

import java.io.IOException;
import java.nio.file.Path;

/** A data set with known truth that {@code rapport evaluate} scores the resolver on. */
public interface EvaluationDataset {

    String name();

    /** Whether its files are present under the data sets folder. */
    boolean available(Path datasets);

    /** Writes what the pipeline reads (data and a config) under {@code workdir}. */
    PreparedDataset prepare(Path datasets, Path workdir, EvaluationSettings settings) throws IOException;
}
