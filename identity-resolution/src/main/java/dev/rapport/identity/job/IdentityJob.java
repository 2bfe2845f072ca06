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
import dev.rapport.identity.cluster.ClusterSizes;
import dev.rapport.identity.cluster.Resolution;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.config.ProbabilisticConfig;
import dev.rapport.identity.incremental.ChangedRecordFunction;
import dev.rapport.identity.incremental.RecordBlocks;
import dev.rapport.identity.incremental.ResolutionSettings;
import dev.rapport.identity.incremental.SeenRecord;
import dev.rapport.identity.incremental.SeenRecordFunction;
import dev.rapport.identity.match.BlockLinkFunction;
import dev.rapport.identity.match.BlockUpdate;
import dev.rapport.identity.match.Evidence;
import dev.rapport.identity.match.EvidenceFunction;
import dev.rapport.identity.match.IncrementalBlockLinkFunction;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.StoredModel;
import dev.rapport.identity.profile.AssignCustomerFunction;
import dev.rapport.identity.profile.AssignedRecord;
import dev.rapport.identity.profile.IdentityCounters;
import dev.rapport.identity.profile.ProfileFunction;
import dev.rapport.identity.record.CustomerRecordDecoder;
import dev.rapport.identity.record.DecodeRecordFunction;
import dev.rapport.identity.record.ResolutionRecord;
import dev.rapport.identity.score.CandidateBlock;
import dev.rapport.identity.score.CandidateBlockCounters;
import dev.rapport.identity.score.CandidateLinkFunction;
import dev.rapport.identity.score.CandidatePatternFunction;
import dev.rapport.identity.score.EstimateModelFunction;
import dev.rapport.identity.score.EstimationInput;
import dev.rapport.identity.score.IncrementalCandidateLinkFunction;
import dev.rapport.identity.score.ModelEstimation;
import dev.rapport.identity.score.PairLinkFunction;
import dev.rapport.identity.score.PatternCountFunction;
import dev.rapport.identity.score.ProbabilisticLinker;
import dev.rapport.identity.score.SampleFunction;
import dev.rapport.identity.score.TermFrequencyFunction;
import dev.rapport.schemas.config.InvalidConfigException;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.apache.iceberg.flink.source.IcebergSource;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Identity resolution: deterministic matching of {@code staging.customer_records} on shared
 * identifiers with a name guard, plus Fellegi-Sunter links, into {@code identity.identity_map},
 * {@code identity.customer_profile}, {@code identity.match_evidence} and
 * {@code identity.identity_history}.
 *
 * <pre>
 * read records -> blocking keys -> keyBy block -> links (parallel)
 *             \                                  \
 *              +-------------- nodes -------------+-> guarded clustering (parallelism 1)
 * read previous identity_map ------------------------^     -> identity_map, identity_history
 *              records keyBy record id JOIN assignments -> keyBy customer -> golden profile
 *              links keyBy first record JOIN assignments -> match_evidence
 *
 * Fellegi-Sunter links (parallel but for the small estimate):
 * records -> name frequencies -> candidate keys -> keyBy block -> patterns of owned pairs
 *   -> pattern counts -------------------------------+
 *      random sample, record counts -----------------+-> estimate (parallelism 1) -> match_model
 *   keyBy block + model rows (broadcast) -> compare again, link -> links in blocks -> match_links
 *   links in blocks -> keyBy pair -> one link per pair -> clustering
 * </pre>
 *
 * <p>A bounded job: the caller runs it in {@code BATCH} mode. The map, profile and evidence tables
 * are overwritten whole; customer ids continue those of the map being replaced
 * ({@link dev.rapport.identity.cluster.CustomerIdContinuity}), and only changes (new customers,
 * merges, splits) are appended to the history, so a rerun on the same input leaves the same rows.
 *
 * <p>Every run also stores what it saw ({@code identity.resolution_state}: each record's
 * {@code ingested_at} and blocks, deterministic and candidate, with the settings as a snapshot
 * property) and every link the linkers made, once per block it was made in
 * ({@code identity.match_links}); a run that estimates the Fellegi-Sunter model stores it
 * ({@code identity.match_model}). An <em>incremental</em> run uses them to link and compare again
 * only the blocks that hold, or held, a new, updated or deleted record, and takes the other
 * blocks' links from the previous run: their records are the same, so their links are too.
 * Weights are re-estimated by full runs; incremental runs apply the last estimated model (a full
 * run can too: {@code probabilistic.model: reuse}), scoring each pair on its own, in parallel.
 * Clustering and everything after it run over all records and links as in a full run, so the
 * result is the same as a full run's on the same input with the same model. Decision and limits:
 * {@code docs/configuration.md}, "Incremental resolution".
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
     *     run when there is no previous run to continue, its settings differ, or probabilistic
     *     matching has no stored model to apply
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
        TableLoader matchModel;
        Schema identityMapSchema;
        String previousSettings;
        List<StoredModel.Row> storedModel;
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            // the input too: resolving before anything was ingested gives empty results, not an error
            inputSchema = tables.ensure(RapportTables.CUSTOMER_RECORDS).schema();
            identityMapSchema = tables.ensure(RapportTables.IDENTITY_MAP).schema();
            tables.ensure(RapportTables.CUSTOMER_PROFILE);
            tables.ensure(RapportTables.IDENTITY_HISTORY);
            tables.ensure(RapportTables.MATCH_EVIDENCE);
            Snapshot previousState =
                    tables.ensure(RapportTables.RESOLUTION_STATE).currentSnapshot();
            previousSettings =
                    previousState == null ? null : previousState.summary().get(ResolutionSettings.SNAPSHOT_PROPERTY);
            tables.ensure(RapportTables.MATCH_LINKS);
            Table modelTable = tables.ensure(RapportTables.MATCH_MODEL);
            storedModel = readModel(modelTable);
            resolutionState = tables.tableLoader(RapportTables.RESOLUTION_STATE);
            matchLinks = tables.tableLoader(RapportTables.MATCH_LINKS);
            matchModel = tables.tableLoader(RapportTables.MATCH_MODEL);
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
                .flatMap(new DecodeRecordFunction(new CustomerRecordDecoder(inputSchema)))
                .uid("identity-decode-records")
                .name("Decode customer records");

        String settings = ResolutionSettings.of(config);
        boolean probabilistic = config.probabilistic().enabled();
        boolean incremental = incrementalRequested;
        if (incremental && previousSettings == null) {
            incremental = false;
            fullRunReason = "no previous run to continue";
        } else if (incremental && !previousSettings.equals(settings)) {
            incremental = false;
            fullRunReason = "the identity settings changed since the previous run";
        } else if (incremental && probabilistic && storedModel.isEmpty()) {
            incremental = false;
            fullRunReason = "no estimated model in identity.match_model to apply";
        }
        // weights are re-estimated by full runs; incremental runs apply the last estimated model
        List<StoredModel.Row> model = null;
        if (probabilistic && (incremental || config.probabilistic().model() == ProbabilisticConfig.Model.REUSE)) {
            if (storedModel.isEmpty()) {
                throw new InvalidConfigException(
                        "identity.probabilistic.model",
                        "is reuse, but identity.match_model holds no model; run a full resolution with model: estimate"
                                + " first");
            }
            model = storedModel;
        }

        BlockingKeyRule blockingKeys = new BlockingKeyRule(config);
        RecordComparator comparator = new RecordComparator(config::isGenericMailbox);
        RecordBlocks recordBlocks =
                new RecordBlocks(blockingKeys, probabilistic ? new CandidateKeyRule(comparator) : null);
        PreviousRun previousRun =
                incremental ? PreviousRun.read(env, records, recordBlocks, resolutionState, matchLinks) : null;

        DataStream<BlockingKey> entries = records.flatMap(new BlockingKeyFunction(blockingKeys))
                .uid("identity-blocking-keys")
                .name("Blocking keys");
        DataStream<Link> links = previousRun != null
                ? entries.keyBy((BlockingKey entry) -> entry.key, Types.STRING)
                        .connect(
                                previousRun.blockUpdates().keyBy((BlockUpdate update) -> update.blockKey, Types.STRING))
                        .process(new IncrementalBlockLinkFunction(config))
                        .returns(TypeInformation.of(Link.class))
                        .uid("identity-link-changed-blocks")
                        .name("Link changed blocks, keep the others' links")
                : entries.keyBy((BlockingKey entry) -> entry.key, Types.STRING)
                        .process(new BlockLinkFunction(config))
                        .uid("identity-link-blocks")
                        .name("Link within blocks");
        DataStream<Link> blockLinks = links;
        if (probabilistic) {
            ProbabilisticLinks scored =
                    probabilisticLinks(env, records, comparator, model, previousRun, matchModel, rows);
            links = links.union(scored.pairLinks());
            blockLinks = blockLinks.union(scored.blockLinks());
        }

        // what this run saw and linked, for the next incremental run
        IcebergSink.forRowData(blockLinks
                        .map(IdentityRows::matchLink)
                        .returns(IdentityRows.matchLinksType())
                        .uid("identity-match-links-rows")
                        .name("match_links rows"))
                .tableLoader(matchLinks)
                .overwrite(true)
                .uidSuffix("match-links")
                .append();
        IcebergSink.forRowData(records.flatMap(new SeenRecordFunction(recordBlocks))
                        .returns(TypeInformation.of(SeenRecord.class))
                        .uid("identity-seen-records")
                        .name("Seen records")
                        .map(IdentityRows::resolutionState)
                        .returns(IdentityRows.resolutionStateType())
                        .uid("identity-resolution-state-rows")
                        .name("resolution_state rows"))
                .tableLoader(resolutionState)
                .overwrite(true)
                .setSnapshotProperty(ResolutionSettings.SNAPSHOT_PROPERTY, settings)
                .uidSuffix("resolution-state")
                .append();

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
                .mapPartition(new ClusterFunction(config.rules(), config.maxClusterSize()))
                .returns(TypeInformation.of(Resolution.class))
                .setParallelism(1)
                .uid("identity-connected-components")
                .name("Clustering");
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
                        .process(new ProfileFunction<>(config.survivorship(), rows::customerProfile))
                        .returns(IdentityRows.customerProfileType())
                        .uid("identity-golden-profiles")
                        .name("Golden profiles"))
                .tableLoader(customerProfile)
                .overwrite(true)
                .uidSuffix("customer-profile")
                .append();
    }

    /** Probabilistic links: once per pair for the match graph, once per candidate block for match_links. */
    private record ProbabilisticLinks(DataStream<Link> pairLinks, DataStream<Link> blockLinks) {}

    /**
     * Fellegi-Sunter links. Candidate blocks are compared in parallel (in an incremental run only
     * those with a changed record) and only the pairs that link leave their block: the pairs
     * themselves, tens per record, are never shuffled, sorted or stored. With {@code model} null the
     * blocks are compared twice: once for the comparison patterns of their distinct pairs, from which
     * (with a random sample) one small operator estimates the model and stores it, then again to
     * link under it, the model arriving as broadcast input; otherwise the stored model is applied.
     * Memory does not grow with the number of pairs, nor disk with more than the candidate entries.
     */
    private ProbabilisticLinks probabilisticLinks(
            StreamExecutionEnvironment env,
            DataStream<ResolutionRecord> records,
            RecordComparator comparator,
            List<StoredModel.Row> model,
            PreviousRun previous,
            TableLoader matchModel,
            IdentityRows rows) {
        ProbabilisticConfig probabilistic = config.probabilistic();
        DataStream<MatchRecord> matchRecords = records.map(MatchRecord::of)
                .returns(TypeInformation.of(MatchRecord.class))
                .uid("identity-match-records")
                .name("Match records");
        DataStream<MatchRecord> counted = matchRecords
                .keyBy(TermFrequencyFunction.key(TermFrequencyFunction.Name.GIVEN), Types.STRING)
                .process(new TermFrequencyFunction(TermFrequencyFunction.Name.GIVEN))
                .returns(TypeInformation.of(MatchRecord.class))
                .uid("identity-given-name-frequency")
                .name("Given name frequency")
                .keyBy(TermFrequencyFunction.key(TermFrequencyFunction.Name.FAMILY), Types.STRING)
                .process(new TermFrequencyFunction(TermFrequencyFunction.Name.FAMILY))
                .returns(TypeInformation.of(MatchRecord.class))
                .uid("identity-family-name-frequency")
                .name("Family name frequency");
        KeyedStream<CandidateEntry, String> candidateBlocks = counted.flatMap(
                        new CandidateKeyFunction(new CandidateKeyRule(comparator)))
                .returns(TypeInformation.of(CandidateEntry.class))
                .uid("identity-candidate-keys")
                .name("Candidate blocking keys")
                .keyBy((CandidateEntry entry) -> entry.key, Types.STRING);
        CandidateBlock candidateBlock =
                new CandidateBlock(comparator, probabilistic.maxBlockSize(), probabilistic.window());
        DataStream<Link> candidateLinks;
        DataStream<Link> keptLinks;
        if (previous != null) {
            SingleOutputStreamOperator<Link> linked = candidateBlocks
                    .connect(previous.candidateUpdates().keyBy((BlockUpdate update) -> update.blockKey, Types.STRING))
                    .process(new IncrementalCandidateLinkFunction(
                            candidateBlock, probabilistic.threshold(), probabilistic.conflictOverride(), model))
                    .returns(TypeInformation.of(Link.class))
                    .uid("identity-link-changed-candidate-blocks")
                    .name("Fellegi-Sunter links of changed blocks, keep the others' links");
            candidateLinks = linked;
            keptLinks = linked.getSideOutput(IncrementalCandidateLinkFunction.KEPT_LINKS);
        } else {
            DataStream<StoredModel.Row> modelRows = model != null
                    ? storedModel(env, model)
                    : estimatedModel(candidateBlocks, candidateBlock, matchRecords, comparator, matchModel, rows);
            candidateLinks = candidateBlocks
                    .connect(modelRows.broadcast(CandidateLinkFunction.MODEL_ROWS))
                    .process(new CandidateLinkFunction(
                            candidateBlock, probabilistic.threshold(), probabilistic.conflictOverride()))
                    .returns(TypeInformation.of(Link.class))
                    .uid("identity-link-candidate-blocks")
                    .name("Fellegi-Sunter links");
            // a full run keeps no previous link: an empty stream of the right type
            keptLinks = candidateLinks
                    .flatMap((Link link, Collector<Link> none) -> {})
                    .returns(TypeInformation.of(Link.class))
                    .uid("identity-no-previous-candidate-links")
                    .name("No previous links (full run)");
        }
        DataStream<Link> pairLinks = candidateLinks
                .keyBy(PairLinkFunction::pairKey, Types.STRING)
                .connect(keptLinks.keyBy(PairLinkFunction::pairKey, Types.STRING))
                .process(new PairLinkFunction())
                .returns(TypeInformation.of(Link.class))
                .uid("identity-pair-links")
                .name("One link per pair");
        DataStream<Link> blockLinks = candidateLinks.union(keptLinks);
        return new ProbabilisticLinks(pairLinks, blockLinks);
    }

    private static DataStream<StoredModel.Row> storedModel(
            StreamExecutionEnvironment env, List<StoredModel.Row> model) {
        return env.fromData(model, TypeInformation.of(StoredModel.Row.class))
                .uid("identity-stored-model")
                .name("Stored model");
    }

    /**
     * The model estimated from the candidate blocks, compared once for it: the comparison patterns
     * of their distinct pairs (counted where each pair's owning block compares it) and a random
     * sample of the records, by one small operator; stored in {@code identity.match_model}.
     */
    private static DataStream<StoredModel.Row> estimatedModel(
            KeyedStream<CandidateEntry, String> candidateBlocks,
            CandidateBlock candidateBlock,
            DataStream<MatchRecord> matchRecords,
            RecordComparator comparator,
            TableLoader matchModel,
            IdentityRows rows) {
        DataStream<EstimationInput> patternCounts = candidateBlocks
                .process(new CandidatePatternFunction(candidateBlock))
                .returns(Types.INT)
                .uid("identity-candidate-patterns")
                .name("Comparison patterns of distinct candidate pairs")
                .fullWindowPartition()
                .mapPartition(new PatternCountFunction())
                .returns(TypeInformation.of(EstimationInput.class))
                .uid("identity-pattern-counts")
                .name("Pattern counts");
        DataStream<EstimationInput> sample = matchRecords
                .fullWindowPartition()
                .mapPartition(new SampleFunction(ModelEstimation.SAMPLE_SIZE))
                .returns(TypeInformation.of(EstimationInput.class))
                .uid("identity-random-sample")
                .name("Random sample for u");
        DataStream<StoredModel.Row> modelRows = patternCounts
                .union(sample)
                .fullWindowPartition()
                .mapPartition(new EstimateModelFunction(comparator))
                .returns(TypeInformation.of(StoredModel.Row.class))
                .setParallelism(1)
                .uid("identity-estimate-model")
                .name("Estimate the Fellegi-Sunter model");
        IcebergSink.forRowData(modelRows
                        .map(rows::matchModel)
                        .returns(IdentityRows.matchModelType())
                        .setParallelism(1)
                        .uid("identity-match-model-rows")
                        .name("match_model rows"))
                .tableLoader(matchModel)
                .overwrite(true)
                .uidSuffix("match-model")
                .append();
        return modelRows;
    }

    /**
     * The rows of the model the last estimating run stored (none if there is none), checked whole
     * before any job starts.
     */
    private static List<StoredModel.Row> readModel(Table table) {
        List<StoredModel.Row> modelRows = readModelRows(table);
        if (!modelRows.isEmpty()) {
            StoredModel.model(modelRows);
        }
        return modelRows;
    }

    private static List<StoredModel.Row> readModelRows(Table table) {
        if (table.currentSnapshot() == null) {
            return List.of();
        }
        List<StoredModel.Row> modelRows = new ArrayList<>();
        try (CloseableIterable<Record> stored = IcebergGenerics.read(table).build()) {
            for (Record row : stored) {
                modelRows.add(new StoredModel.Row(
                        (String) row.getField("field"),
                        (Integer) row.getField("level"),
                        (String) row.getField("level_name"),
                        (Double) row.getField("m"),
                        (Double) row.getField("u"),
                        (Double) row.getField("candidate_u"),
                        (Double) row.getField("lambda"),
                        (Double) row.getField("candidate_lambda")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read identity.match_model", e);
        }
        return modelRows;
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
                longResult(result, CandidateBlockCounters.COMPARISONS),
                longResult(result, CandidateBlockCounters.CANDIDATE_PAIRS),
                longResult(result, CandidateBlockCounters.BLOCKS_OVER_CAP),
                longResult(result, CandidateBlockCounters.BLOCKS),
                longResult(result, CandidateBlockCounters.BLOCKS_COMPARED),
                longResult(result, CandidateBlockCounters.BLOCKS_WINDOWED),
                longResult(result, IdentityCounters.MATCHED_ACCUMULATOR),
                ClusterSizes.CLASSES.stream()
                        .map(sizeClass -> new IdentityReport.SizeClassCount(
                                sizeClass.label(),
                                longResult(result, ClusterFunction.CUSTOMERS_OF_SIZE + sizeClass.label()),
                                longResult(result, ClusterFunction.RECORDS_OF_SIZE + sizeClass.label())))
                        .toList(),
                longResult(result, ClusterFunction.REFUSED_LINKS),
                longResult(result, ClusterFunction.OVERSIZED_LINKS),
                longResult(result, DecodeRecordFunction.DELETED_RECORDS));
    }

    private static long longResult(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value == null ? 0L : ((Number) value).longValue();
    }
}
