package dev.rapport.identity.job;

import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.incremental.ChangedRecordFunction;
import dev.rapport.identity.incremental.RecordBlocks;
import dev.rapport.identity.incremental.SeenRecord;
import dev.rapport.identity.match.BlockUpdate;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.match.NameCheck;
import dev.rapport.identity.record.ResolutionRecord;
import dev.rapport.schemas.table.RapportTables;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.source.IcebergSource;

/**
 * What an incremental run takes from the previous one, as streams: the blocks touched by changed
 * records ({@link ChangedRecordFunction} over this run's records and {@code identity.resolution_state})
 * and the links stored in {@code identity.match_links}, split into deterministic blocks and
 * candidate blocks (stored with {@link CandidateKeyRule#STORED_PREFIX}).
 */
record PreviousRun(DataStream<BlockUpdate> touches, DataStream<Link> links) {

    static PreviousRun read(
            StreamExecutionEnvironment env,
            DataStream<ResolutionRecord> records,
            RecordBlocks recordBlocks,
            TableLoader resolutionState,
            TableLoader matchLinks) {
        Schema stateSchema = RapportTables.RESOLUTION_STATE.schema();
        int stateRecordId = stateSchema.columns().indexOf(stateSchema.findField("record_id"));
        int stateIngestedAt = stateSchema.columns().indexOf(stateSchema.findField("record_ingested_at"));
        int stateBlockKey = stateSchema.columns().indexOf(stateSchema.findField("block_key"));
        int stateFingerprint = stateSchema.columns().indexOf(stateSchema.findField("record_fingerprint"));
        DataStream<SeenRecord> seen = env.fromSource(
                        IcebergSource.forRowData()
                                .tableLoader(resolutionState)
                                .streaming(false)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "Read the previous identity.resolution_state",
                        IdentityRows.resolutionStateType())
                .uid("identity-read-resolution-state")
                .map(row -> new SeenRecord(
                        row.getString(stateRecordId).toString(),
                        row.isNullAt(stateIngestedAt) ? null : micros(row.getTimestamp(stateIngestedAt, 6)),
                        row.isNullAt(stateBlockKey)
                                ? null
                                : row.getString(stateBlockKey).toString(),
                        row.isNullAt(stateFingerprint)
                                ? null
                                : row.getString(stateFingerprint).toString()))
                .returns(TypeInformation.of(SeenRecord.class))
                .uid("identity-previous-seen-records")
                .name("Previously seen records");
        DataStream<BlockUpdate> touches = records.keyBy((ResolutionRecord record) -> record.recordId, Types.STRING)
                .connect(seen.keyBy((SeenRecord row) -> row.recordId, Types.STRING))
                .process(new ChangedRecordFunction(recordBlocks))
                .returns(TypeInformation.of(BlockUpdate.class))
                .uid("identity-changed-records")
                .name("Changed records");

        Schema linkSchema = RapportTables.MATCH_LINKS.schema();
        int blockKey = linkSchema.columns().indexOf(linkSchema.findField("block_key"));
        int recordId = linkSchema.columns().indexOf(linkSchema.findField("record_id"));
        int otherRecordId = linkSchema.columns().indexOf(linkSchema.findField("other_record_id"));
        int rule = linkSchema.columns().indexOf(linkSchema.findField("match_rule"));
        int probability = linkSchema.columns().indexOf(linkSchema.findField("probability"));
        int levels = linkSchema.columns().indexOf(linkSchema.findField("field_levels"));
        int weights = linkSchema.columns().indexOf(linkSchema.findField("field_weights"));
        int prior = linkSchema.columns().indexOf(linkSchema.findField("prior_weight"));
        int nameCheck = linkSchema.columns().indexOf(linkSchema.findField("name_check"));
        DataStream<Link> links = env.fromSource(
                        IcebergSource.forRowData()
                                .tableLoader(matchLinks)
                                .streaming(false)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "Read the previous identity.match_links",
                        IdentityRows.matchLinksType())
                .uid("identity-read-match-links")
                .map(row -> storedLink(
                        row, blockKey, recordId, otherRecordId, rule, probability, levels, weights, prior, nameCheck))
                .returns(TypeInformation.of(Link.class))
                .uid("identity-previous-links")
                .name("Previous links");
        return new PreviousRun(touches, links);
    }

    /** A link as the previous run stored it, with the evidence detail match_evidence is written from. */
    private static Link storedLink(
            RowData row,
            int blockKey,
            int recordId,
            int otherRecordId,
            int rule,
            int probability,
            int levels,
            int weights,
            int prior,
            int nameCheck) {
        String from = row.getString(recordId).toString();
        String to = row.getString(otherRecordId).toString();
        String ruleName = row.getString(rule).toString();
        Link link;
        if (!row.isNullAt(levels)) {
            link = Link.probabilistic(
                    from,
                    to,
                    ruleName,
                    row.getDouble(probability),
                    row.getBinary(levels),
                    row.getArray(weights).toDoubleArray(),
                    row.getDouble(prior));
        } else if (!row.isNullAt(nameCheck)) {
            link = Link.deterministic(
                    from,
                    to,
                    ruleName,
                    NameCheck.valueOf(row.getString(nameCheck).toString()));
        } else {
            link = new Link(from, to, ruleName, row.getDouble(probability));
        }
        return link.inBlock(row.getString(blockKey).toString());
    }

    /** Touches of deterministic blocks and their previous links, for the block linker. */
    DataStream<BlockUpdate> blockUpdates() {
        return touches.filter(update -> !isCandidateBlock(update.blockKey))
                .uid("identity-block-touches")
                .name("Touched blocks")
                .union(links.filter(link -> !isCandidateBlock(link.blockKey))
                        .uid("identity-previous-block-links")
                        .name("Previous links of blocks")
                        .map(BlockUpdate::previous)
                        .returns(TypeInformation.of(BlockUpdate.class))
                        .uid("identity-previous-block-updates")
                        .name("Previous links as block updates"));
    }

    /**
     * Touches of candidate blocks and their previous probabilistic links, keyed as the candidate key
     * function keys the blocks (without the prefix); the links keep the prefixed key they are stored with.
     */
    DataStream<BlockUpdate> candidateUpdates() {
        int prefix = CandidateKeyRule.STORED_PREFIX.length();
        return touches.filter(update -> isCandidateBlock(update.blockKey))
                .uid("identity-candidate-touches")
                .name("Touched candidate blocks")
                .map(update -> BlockUpdate.touch(update.blockKey.substring(prefix)))
                .returns(TypeInformation.of(BlockUpdate.class))
                .uid("identity-candidate-touch-keys")
                .name("Candidate block keys")
                .union(links.filter(link -> isCandidateBlock(link.blockKey))
                        .uid("identity-previous-candidate-links")
                        .name("Previous links of candidate blocks")
                        .map(link -> BlockUpdate.previous(link.blockKey.substring(prefix), link))
                        .returns(TypeInformation.of(BlockUpdate.class))
                        .uid("identity-previous-candidate-updates")
                        .name("Previous links as candidate block updates"));
    }

    private static boolean isCandidateBlock(String blockKey) {
        return blockKey.startsWith(CandidateKeyRule.STORED_PREFIX);
    }

    private static long micros(TimestampData timestamp) {
        return timestamp.getMillisecond() * 1000L + timestamp.getNanoOfMillisecond() / 1000;
    }
}
