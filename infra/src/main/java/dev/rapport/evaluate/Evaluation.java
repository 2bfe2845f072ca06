package dev.rapport.evaluate;

import dev.rapport.identity.job.IdentityReport;
import java.time.Duration;

/**
 * The result of evaluating the resolver on one data set.
 *
 * @param notStaged truth records that ingestion quarantined (malformed on purpose), left out of the scores
 * @param households pairs of different people at one address, and how many were merged
 * @param sharedMailboxes pairs of different people behind one shared mailbox ({@code info@}), and
 *     how many were merged
 */
public record Evaluation(
        String dataset,
        ClusterScores scores,
        IdentityReport identity,
        long notStaged,
        SharedContactMerges households,
        SharedContactMerges sharedMailboxes,
        Duration time) {}
