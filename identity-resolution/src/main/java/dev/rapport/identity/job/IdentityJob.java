package dev.rapport.identity.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.block.BlockingKeyFunction;
import dev.rapport.identity.block.BlockingKeyRule;
import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.block.CandidateKeyFunction;
import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.cluster.Assignment;
import dev.rapport.identity.cluster.ClusterFunction;
import dev.rapport.identity.cluster.ClusterInput;
import dev.rapport.identity.cluster.Resolution;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.config.ProbabilisticConfig;
import dev.rapport.identity.incremental.ChangedRecordFunction;
import dev.rapport.identity.incremental.SeenRecord;
import dev.rapport.identity.incremental.SeenRecordFunction;
import dev.rapport.identity.match.BlockLinkFunction;
import dev.rapport.identity.match.BlockUpdate;
import dev.rapport.identity.match.Evidence;
import dev.rapport.identity.match.EvidenceFunction;
import dev.rapport.identity.match.IncrementalBlockLinkFunction;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.profile.AssignCustomerFunction;
import dev.rapport.identity.profile.AssignedRecord;
import dev.rapport.identity.profile.IdentityCounters;
import dev.rapport.identity.profile.ProfileFunction;
import dev.rapport.identity.record.CustomerRecordDecoder;
import dev.rapport.identity.record.DecodeRecordFunction;
import dev.rapport.identity.record.ResolutionRecord;
import dev.rapport.identity.score.CandidatePair;
import dev.rapport.identity.score.CandidatePairFunction;
import dev.rapport.identity.score.ProbabilisticLinkFunction;
import dev.rapport.identity.score.ProbabilisticLinker;
import dev.rapport.identity.score.SampleFunction;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.apache.iceberg.flink.source.IcebergSource;

/**
 * Identity resolution: deterministic matching of {@code staging.customer_records} on shared
 * identifiers with a name guard, plus Fellegi-Sunter links, into {@code identity.identity_map},
 * {@code identity.customer_profile}, {@code identity.match_evidence} and
 * {@code identity.identity_history}.
 *
 * <pre>
 * read records -> blocking keys -> keyBy block -> links (parallel)
 *             \                                  \
 *              +-------------- nodes -------------+-> connected components (parallelism 1)
 * read previous identity_map ------------------------^     -> identity_map, identity_history
 *              records keyBy record id JOIN assignments -> keyBy customer -> golden profile
 *              links keyBy first record JOIN assignments -> match_evidence
 * </pre>
 *
 * <p>A bounded job: the caller runs it in {@code BATCH} mode. The map, profile and evidence tables
 * are overwritten whole; customer ids continue those of the map being replaced
 * ({@link dev.rapport.identity.cluster.CustomerIdContinuity}), and only changes (new customers,
 * merges, splits) are appended to the history, so a rerun on the same input leaves the same rows.
 *
 * <p>Every run also stores what it saw ({@code identity.resolution_state}: each record's
 * {@code ingested_at} and blocks) and every link the block linker made, with its block
 * ({@code identity.match_links}). An <em>incremental</em> run uses them to link again only the
 * blocks that hold, or held, a new, updated or deleted record, and takes the other blocks' links
 * from the previous run: their records are the same, so their links are too. Clustering and
 * everything after it run over all records and links as in a full run, so the result is the same
 * as a full run's on the same input. Decision and limits: {@code docs/configuration.md},
 * "Incremental resolution".
 */
public final class IdentityJob {

    private final CatalogConfig catalog;
    private final IdentityConfig config;
    private final Instant resolvedAt;
    private final boolean incrementalRequested;
    /** Why an incremental run was asked for but a full one built; set by {@link #build}. */
    private String fullRunReason;

    /** A full run. */
    public IdentityJob(CatalogConfig catalog, IdentityConfig config, Instant resolvedAt) {
        this(catalog, config, resolvedAt, false);
    }

    /**
     * @param incremental match only the blocks of changed records (see the class comment); a full
     *     run when there is no previous run to continue or probabilistic matching is on
     */
    public IdentityJob(CatalogConfig catalog, IdentityConfig config, Instant resolvedAt, boolean incremental) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.config = requireNonNull(config, "config is null");
        this.resolvedAt = requireNonNull(resolvedAt, "resolvedAt is null").truncatedTo(ChronoUnit.MICROS);
        this.incrementalRequested = incremental;
    }

    /** After {@link #build}: why an incremental run was asked for but a full one was built, if so. */
    public Optional<String> fullRunReason() {
        return Optional.ofNullable(fullRunReason);
    }

    public void build(StreamExecutionEnvironment env) {
        requireNonNull(env, "env is null");
        Schema inputSchema;
        TableLoader input;
        TableLoader identityMap;
        TableLoader customerProfile;
        TableLoader identityHistory;
        TableLoader previousMap;
        TableLoader matchEvidence;
        TableLoader resolutionState;
        TableLoader matchLinks;
        Schema identityMapSchema;
        boolean previousRun;
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            // the input too: resolving before anything was ingested gives empty results, not an error
            inputSchema = tables.ensure(RapportTables.CUSTOMER_RECORDS).schema();
            identityMapSchema = tables.ensure(RapportTables.IDENTITY_MAP).schema();
            tables.ensure(RapportTables.CUSTOMER_PROFILE);
            tables.ensure(RapportTables.IDENTITY_HISTORY);
            tables.ensure(RapportTables.MATCH_EVIDENCE);
            previousRun = tables.ensure(RapportTables.RESOLUTION_STATE).currentSnapshot() != null;
            tables.ensure(RapportTables.MATCH_LINKS);
            resolutionState = tables.tableLoader(RapportTables.RESOLUTION_STATE);
            matchLinks = tables.tableLoader(RapportTables.MATCH_LINKS);
            identityHistory = tables.tableLoader(RapportTables.IDENTITY_HISTORY);
            matchEvidence = tables.tableLoader(RapportTables.MATCH_EVIDENCE);
            input = tables.tableLoader(RapportTables.CUSTOMER_RECORDS);
            identityMap = tables.tableLoader(RapportTables.IDENTITY_MAP);
            customerProfile = tables.tableLoader(RapportTables.CUSTOMER_PROFILE);
            previousMap = tables.tableLoader(RapportTables.IDENTITY_MAP);
        }
        IdentityRows rows = new IdentityRows(Math.addExact(
                Math.multiplyExact(resolvedAt.getEpochSecond(), 1_000_000L), resolvedAt.getNano() / 1000));

        IcebergSource<RowData> source =
                IcebergSource.forRowData().tableLoader(input).streaming(false).build();
        DataStream<ResolutionRecord> records = env.fromSource(
                        source,
                        WatermarkStrategy.noWatermarks(),
                        "Read staging.customer_records",
                        InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(inputSchema)))
                .uid("identity-read-customer-records")
                .map(new DecodeRecordFunction(new CustomerRecordDecoder(inputSchema)))
                .uid("identity-decode-records")
                .name("Decode customer records");

        boolean incremental = incrementalRequested;
        if (incremental && config.probabilistic().enabled()) {
            incremental = false;
            fullRunReason = "probabilistic matching is on, and incremental runs cover the deterministic rules only";
        } else if (incremental && !previousRun) {
            incremental = false;
            fullRunReason = "no previous run to continue";
        }
        BlockingKeyRule blockingKeys = new BlockingKeyRule(config);
        DataStream<BlockingKey> entries = records.flatMap(new BlockingKeyFunction(blockingKeys))
                .uid("identity-blocking-keys")
                .name("Blocking keys");
        DataStream<Link> links = incremental
                ? changedBlockLinks(env, records, entries, blockingKeys, resolutionState, matchLinks)
                : entries.keyBy((BlockingKey entry) -> entry.key, Types.STRING)
                        .process(new BlockLinkFunction(config))
                        .uid("identity-link-blocks")
                        .name("Link within blocks");

        // what this run saw and linked, for the next incremental run
        IcebergSink.forRowData(links.map(IdentityRows::matchLink)
                        .returns(IdentityRows.matchLinksType())
                        .uid("identity-match-links-rows")
                        .name("match_links rows"))
                .tableLoader(matchLinks)
                .overwrite(true)
                .uidSuffix("match-links")
                .append();
        IcebergSink.forRowData(records.flatMap(new SeenRecordFunction(blockingKeys))
                        .returns(TypeInformation.of(SeenRecord.class))
                        .uid("identity-seen-records")
                        .name("Seen records")
                        .map(IdentityRows::resolutionState)
                        .returns(IdentityRows.resolutionStateType())
                        .uid("identity-resolution-state-rows")
                        .name("resolution_state rows"))
                .tableLoader(resolutionState)
                .overwrite(true)
                .uidSuffix("resolution-state")
                .append();

        if (config.probabilistic().enabled()) {
            links = links.union(probabilisticLinks(records));
        }

        // the map being replaced: the snapshot is fixed when the job starts, before it commits the new one
        int recordIdField = identityMapSchema.columns().indexOf(identityMapSchema.findField("record_id"));
        int customerIdField = identityMapSchema.columns().indexOf(identityMapSchema.findField("customer_id"));
        DataStream<ClusterInput> previous = env.fromSource(
                        IcebergSource.forRowData()
                                .tableLoader(previousMap)
                                .streaming(false)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "Read the previous identity.identity_map",
                        InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(identityMapSchema)))
                .uid("identity-read-previous-map")
                .map(row -> ClusterInput.previous(
                        row.getString(recordIdField).toString(),
                        row.getString(customerIdField).toString()))
                .returns(TypeInformation.of(ClusterInput.class))
                .uid("identity-previous-customers")
                .name("Previous customers");

        DataStream<ClusterInput> graph = records.map(ClusterInput::node)
                .returns(TypeInformation.of(ClusterInput.class))
                .uid("identity-graph-nodes")
                .name("Graph nodes")
                .union(links.map(ClusterInput::edge)
                        .returns(TypeInformation.of(ClusterInput.class))
                        .uid("identity-graph-edges")
                        .name("Graph edges"))
                .union(previous);

        DataStream<Resolution> resolved = graph.fullWindowPartition()
                .mapPartition(new ClusterFunction(config.rules()))
                .returns(TypeInformation.of(Resolution.class))
                .setParallelism(1)
                .uid("identity-connected-components")
                .name("Connected components");
        DataStream<Assignment> assignments = resolved.filter(resolution -> resolution.assignment != null)
                .setParallelism(1)
                .uid("identity-assignments")
                .name("Assignments")
                .map(resolution -> resolution.assignment)
                .returns(TypeInformation.of(Assignment.class))
                .setParallelism(1)
                .uid("identity-assignment")
                .name("Assignment");

        IcebergSink.forRowData(resolved.filter(resolution -> resolution.event != null)
                        .setParallelism(1)
                        .uid("identity-events")
                        .name("Identity events")
                        .map(resolution -> rows.identityHistory(resolution.event))
                        .returns(IdentityRows.identityHistoryType())
                        .setParallelism(1)
                        .uid("identity-history-rows")
                        .name("identity_history rows"))
                .tableLoader(identityHistory)
                .uidSuffix("identity-history")
                .append();

        IcebergSink.forRowData(links.keyBy((Link link) -> link.fromRecordId, Types.STRING)
                        .connect(assignments.keyBy((Assignment assignment) -> assignment.recordId, Types.STRING))
                        .process(new EvidenceFunction())
                        .returns(TypeInformation.of(Evidence.class))
                        .uid("identity-evidence")
                        .name("Links with their customer")
                        .map(rows::matchEvidence)
                        .returns(IdentityRows.matchEvidenceType())
                        .uid("identity-match-evidence-rows")
                        .name("match_evidence rows"))
                .tableLoader(matchEvidence)
                .overwrite(true)
                .uidSuffix("match-evidence")
                .append();

        IcebergSink.forRowData(assignments
                        .map(rows::identityMap)
                        .returns(IdentityRows.identityMapType())
                        .uid("identity-map-rows")
                        .name("identity_map rows"))
                .tableLoader(identityMap)
                .overwrite(true)
                .uidSuffix("identity-map")
                .append();

        DataStream<AssignedRecord> assigned = records.keyBy((ResolutionRecord record) -> record.recordId, Types.STRING)
                .connect(assignments.keyBy((Assignment assignment) -> assignment.recordId, Types.STRING))
                .process(new AssignCustomerFunction())
                .returns(TypeInformation.of(AssignedRecord.class))
                .uid("identity-assign-records")
                .name("Records with their customer");

        IcebergSink.forRowData(assigned.keyBy((AssignedRecord record) -> record.customerId, Types.STRING)
                        .process(new ProfileFunction<>(rows::customerProfile))
                        .returns(IdentityRows.customerProfileType())
                        .uid("identity-golden-profiles")
                        .name("Golden profiles"))
                .tableLoader(customerProfile)
                .overwrite(true)
                .uidSuffix("customer-profile")
                .append();
    }

    /**
     * The deterministic links of an incremental run: the blocks of changed records are linked
     * again, every other block gives the links the previous run stored for it.
     */
    private DataStream<Link> changedBlockLinks(
            StreamExecutionEnvironment env,
            DataStream<ResolutionRecord> records,
            DataStream<BlockingKey> entries,
            BlockingKeyRule blockingKeys,
            TableLoader resolutionState,
            TableLoader matchLinks) {
        Schema stateSchema = RapportTables.RESOLUTION_STATE.schema();
        int stateRecordId = stateSchema.columns().indexOf(stateSchema.findField("record_id"));
        int stateIngestedAt = stateSchema.columns().indexOf(stateSchema.findField("record_ingested_at"));
        int stateBlockKey = stateSchema.columns().indexOf(stateSchema.findField("block_key"));
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
                                : row.getString(stateBlockKey).toString()))
                .returns(TypeInformation.of(SeenRecord.class))
                .uid("identity-previous-seen-records")
                .name("Previously seen records");
        DataStream<BlockUpdate> touches = records.keyBy((ResolutionRecord record) -> record.recordId, Types.STRING)
                .connect(seen.keyBy((SeenRecord row) -> row.recordId, Types.STRING))
                .process(new ChangedRecordFunction(blockingKeys))
                .returns(TypeInformation.of(BlockUpdate.class))
                .uid("identity-changed-records")
                .name("Changed records");

        Schema linkSchema = RapportTables.MATCH_LINKS.schema();
        int blockKey = linkSchema.columns().indexOf(linkSchema.findField("block_key"));
        int recordId = linkSchema.columns().indexOf(linkSchema.findField("record_id"));
        int otherRecordId = linkSchema.columns().indexOf(linkSchema.findField("other_record_id"));
        int rule = linkSchema.columns().indexOf(linkSchema.findField("match_rule"));
        int probability = linkSchema.columns().indexOf(linkSchema.findField("probability"));
        DataStream<BlockUpdate> previousLinks = env.fromSource(
                        IcebergSource.forRowData()
                                .tableLoader(matchLinks)
                                .streaming(false)
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "Read the previous identity.match_links",
                        IdentityRows.matchLinksType())
                .uid("identity-read-match-links")
                .map(row -> BlockUpdate.previous(new Link(
                                row.getString(recordId).toString(),
                                row.getString(otherRecordId).toString(),
                                row.getString(rule).toString(),
                                row.getDouble(probability))
                        .inBlock(row.getString(blockKey).toString())))
                .returns(TypeInformation.of(BlockUpdate.class))
                .uid("identity-previous-links")
                .name("Previous links");

        return entries.keyBy((BlockingKey entry) -> entry.key, Types.STRING)
                .connect(touches.union(previousLinks).keyBy((BlockUpdate update) -> update.blockKey, Types.STRING))
                .process(new IncrementalBlockLinkFunction(config))
                .returns(TypeInformation.of(Link.class))
                .uid("identity-link-changed-blocks")
                .name("Link changed blocks, keep the others' links");
    }

    private static long micros(TimestampData timestamp) {
        return timestamp.getMillisecond() * 1000L + timestamp.getNanoOfMillisecond() / 1000;
    }

    /**
     * Fellegi-Sunter links: candidate blocks (parallel), distinct pairs compared, then one operator
     * that estimates the model over all of them and keeps the pairs above the threshold.
     */
    private DataStream<Link> probabilisticLinks(DataStream<ResolutionRecord> records) {
        ProbabilisticConfig probabilistic = config.probabilistic();
        RecordComparator comparator = new RecordComparator(config::isGenericMailbox);
        DataStream<MatchRecord> matchRecords = records.map(MatchRecord::of)
                .returns(TypeInformation.of(MatchRecord.class))
                .uid("identity-match-records")
                .name("Match records");
        DataStream<CandidatePair> pairs = matchRecords
                .flatMap(new CandidateKeyFunction(new CandidateKeyRule(comparator)))
                .returns(TypeInformation.of(CandidateEntry.class))
                .uid("identity-candidate-keys")
                .name("Candidate blocking keys")
                .keyBy((CandidateEntry entry) -> entry.key, Types.STRING)
                .process(new CandidatePairFunction(comparator, probabilistic.maxBlockSize()))
                .returns(TypeInformation.of(CandidatePair.class))
                .uid("identity-candidate-pairs")
                .name("Compare candidate pairs");
        DataStream<CandidatePair> sample = matchRecords
                .fullWindowPartition()
                .mapPartition(new SampleFunction(ProbabilisticLinker.SAMPLE_SIZE))
                .returns(TypeInformation.of(CandidatePair.class))
                .uid("identity-random-sample")
                .name("Random sample for u");
        return pairs.union(sample)
                .fullWindowPartition()
                .mapPartition(new ProbabilisticLinkFunction(
                        comparator, probabilistic.threshold(), probabilistic.conflictOverride()))
                .returns(TypeInformation.of(Link.class))
                .setParallelism(1)
                .uid("identity-probabilistic-links")
                .name("Fellegi-Sunter links");
    }

    /** What the run did, from the accumulators of its result. */
    public static IdentityReport report(JobExecutionResult result) {
        requireNonNull(result, "result is null");
        Map<String, Long> linksByRule = new LinkedHashMap<>();
        for (MatchRule rule : MatchRule.values()) {
            Object links = result.getAccumulatorResult(BlockLinkFunction.LINKS_PREFIX + rule.configName());
            if (links != null) {
                linksByRule.put(rule.configName(), ((Number) links).longValue());
            }
        }
        Object probabilistic = result.getAccumulatorResult(ClusterFunction.PROBABILISTIC_LINKS);
        if (probabilistic != null) {
            linksByRule.put(ProbabilisticLinker.RULE, ((Number) probabilistic).longValue());
        }
        Object changed = result.getAccumulatorResult(ChangedRecordFunction.CHANGED_RECORDS);
        long records = longResult(result, DecodeRecordFunction.RECORDS);
        return new IdentityReport(
                changed == null ? IdentityReport.FULL : IdentityReport.INCREMENTAL,
                records,
                changed == null ? records : ((Number) changed).longValue(),
                longResult(result, BlockLinkFunction.BLOCKS),
                longResult(result, BlockLinkFunction.BLOCKS_LINKED),
                longResult(result, BlockLinkFunction.ENTRIES_LINKED),
                longResult(result, ClusterFunction.CUSTOMERS),
                linksByRule,
                (int) longResult(result, ClusterFunction.LARGEST_CLUSTER),
                longResult(result, BlockLinkFunction.BLOCKS_OVER_CAP),
                longResult(result, CandidatePairFunction.COMPARISONS),
                longResult(result, ProbabilisticLinkFunction.CANDIDATE_PAIRS),
                longResult(result, CandidatePairFunction.BLOCKS_OVER_CAP),
                longResult(result, IdentityCounters.MATCHED_ACCUMULATOR));
    }

    private static long longResult(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value == null ? 0L : ((Number) value).longValue();
    }
}
