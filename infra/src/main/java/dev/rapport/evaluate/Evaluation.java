package dev.rapport.evaluate;

import dev.rapport.identity.job.IdentityReport;
import java.time.Duration;

/**
 * The result of evaluating the resolver on one data set.
 *
 * @param notStaged truth records that ingestion quarantined (malformed on purpose), left out of the scores
 */
public record Evaluation(
        String dataset, ClusterScores scores, IdentityReport identity, long notStaged, Duration time) {}
