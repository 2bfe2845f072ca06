package dev.rapport.identity.cluster;

import dev.rapport.identity.match.Link;
import dev.rapport.identity.record.ResolutionRecord;

/**
 * What the clustering operator reads: either a record (a node of the match graph) or a link (an
 * edge). One type so both travel in one stream. A Flink POJO.
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
    /** Links only. */
    public String otherRecordId;
    /** Links only. */
    public String rule;
    /** Links only: the match probability. */
    public double probability = 1.0;

    public ClusterInput() {}

    public static ClusterInput node(ResolutionRecord record) {
        ClusterInput input = new ClusterInput();
        input.recordId = record.recordId;
        input.source = record.source;
        input.sourceId = record.sourceId;
        input.createdAt = record.createdAt;
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
