package dev.rapport.identity.cluster;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.record.ResolutionRecord;

/**
 * What the clustering operator reads: a record (a node of the match graph), a link (an edge), or
 * a record's customer in the previous run. One type so both travel in one stream. A Flink POJO.
 */
public class ClusterInput {

    public boolean link;
    public String recordId;
    /** Nodes only. */
    public String source;
    /** Nodes only. */
    public String sourceId;
    /** Nodes only: microseconds, nullable. */
    public Long createdAt;
    /** Nodes only: days since the epoch, nullable; read by the clustering's guard. */
    public Integer birthDate;
    /** Nodes only: the national id key ({@link MatchRecord#identifier}), nullable; read by the clustering's guard. */
    public String nationalId;
    /** Links only. */
    public String otherRecordId;
    /** Links only. */
    public String rule;
    /** Links only: the match probability. */
    public double probability = 1.0;
    /** Previous assignments only: the customer the record had in the last run. */
    public String previousCustomerId;

    public ClusterInput() {}

    public static ClusterInput node(ResolutionRecord record) {
        ClusterInput input = new ClusterInput();
        input.recordId = record.recordId;
        input.source = record.source;
        input.sourceId = record.sourceId;
        input.createdAt = record.createdAt;
        input.birthDate = record.birthDate;
        input.nationalId = MatchRecord.identifier(record.nationalId);
        return input;
    }

    /** A record's customer in the previous run (a row of the identity_map being replaced). */
    public static ClusterInput previous(String recordId, String customerId) {
        ClusterInput input = new ClusterInput();
        input.recordId = recordId;
        input.previousCustomerId = customerId;
        return input;
    }

    public static ClusterInput edge(Link link) {
        ClusterInput input = new ClusterInput();
        input.link = true;
        input.recordId = link.fromRecordId;
        input.otherRecordId = link.toRecordId;
        input.rule = link.rule;
        input.probability = link.probability;
        return input;
    }
}
