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
import dev.rapport.identity.match.BlockLinkFunction;
import dev.rapport.identity.match.Evidence;
import dev.rapport.identity.match.EvidenceFunction;
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
import dev.rapport.identity.score.TermFrequencyFunction;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
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
 */
public final class IdentityJob {

    private final CatalogConfig catalog;
    private final IdentityConfig config;
    private final Instant resolvedAt;

    public IdentityJob(CatalogConfig catalog, IdentityConfig config, Instant resolvedAt) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.config = requireNonNull(config, "config is null");
        this.resolvedAt = requireNonNull(resolvedAt, "resolvedAt is null").truncatedTo(ChronoUnit.MICROS);
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
        Schema identityMapSchema;
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            // the input too: resolving before anything was ingested gives empty results, not an error
            inputSchema = tables.ensure(RapportTables.CUSTOMER_RECORDS).schema();
            identityMapSchema = tables.ensure(RapportTables.IDENTITY_MAP).schema();
            tables.ensure(RapportTables.CUSTOMER_PROFILE);
            tables.ensure(RapportTables.IDENTITY_HISTORY);
            tables.ensure(RapportTables.MATCH_EVIDENCE);
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

        DataStream<Link> links = records.flatMap(new BlockingKeyFunction(new BlockingKeyRule(config)))
                .uid("identity-blocking-keys")
                .name("Blocking keys")
                .keyBy((BlockingKey entry) -> entry.key, Types.STRING)
                .process(new BlockLinkFunction(config))
                .uid("identity-link-blocks")
                .name("Link within blocks");

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
        DataStream<CandidatePair> pairs = counted.flatMap(new CandidateKeyFunction(new CandidateKeyRule(comparator)))
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
        return new IdentityReport(
                longResult(result, DecodeRecordFunction.RECORDS),
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
