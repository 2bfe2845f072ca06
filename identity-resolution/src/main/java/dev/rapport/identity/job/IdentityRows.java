package dev.rapport.identity.job;

import dev.rapport.identity.cluster.Assignment;
import dev.rapport.identity.cluster.IdentityEvent;
import dev.rapport.identity.incremental.SeenRecord;
import dev.rapport.identity.match.Evidence;
import dev.rapport.identity.match.EvidenceDetail;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.StoredModel;
import dev.rapport.identity.profile.GoldenProfile;
import dev.rapport.schemas.table.RapportTables;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * The rows written to the {@code identity} tables, in the column order of their definitions in
 * {@link RapportTables}.
 */
final class IdentityRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long resolvedAtMicros;

    IdentityRows(long resolvedAtMicros) {
        this.resolvedAtMicros = resolvedAtMicros;
    }

    static InternalTypeInfo<RowData> identityMapType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.IDENTITY_MAP.schema()));
    }

    static InternalTypeInfo<RowData> customerProfileType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.CUSTOMER_PROFILE.schema()));
    }

    RowData identityMap(Assignment assignment) {
        GenericRowData row = new GenericRowData(7);
        row.setField(0, StringData.fromString(assignment.source));
        row.setField(1, StringData.fromString(assignment.sourceId));
        row.setField(2, StringData.fromString(assignment.recordId));
        row.setField(3, StringData.fromString(assignment.customerId));
        row.setField(4, StringData.fromString(assignment.matchRule));
        row.setField(5, assignment.probability);
        row.setField(6, timestamp(resolvedAtMicros));
        return row;
    }

    static InternalTypeInfo<RowData> identityHistoryType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.IDENTITY_HISTORY.schema()));
    }

    static InternalTypeInfo<RowData> matchEvidenceType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.MATCH_EVIDENCE.schema()));
    }

    RowData identityHistory(IdentityEvent event) {
        GenericRowData row = new GenericRowData(6);
        row.setField(0, timestamp(resolvedAtMicros));
        row.setField(1, StringData.fromString(event.event));
        row.setField(2, StringData.fromString(event.customerId));
        row.setField(3, string(event.otherCustomerId));
        row.setField(4, event.recordCount);
        row.setField(5, StringData.fromString(event.reason));
        return row;
    }

    RowData matchEvidence(Evidence evidence) {
        GenericRowData row = new GenericRowData(10);
        row.setField(0, StringData.fromString(evidence.customerId));
        row.setField(1, StringData.fromString(evidence.recordId));
        row.setField(2, StringData.fromString(evidence.otherRecordId));
        row.setField(3, StringData.fromString(evidence.rule));
        row.setField(4, evidence.probability);
        row.setField(5, timestamp(resolvedAtMicros));
        Map<String, String> levels = EvidenceDetail.levels(evidence);
        row.setField(6, levels.isEmpty() ? null : map(levels, StringData::fromString));
        Map<String, Double> weights = EvidenceDetail.weights(evidence);
        row.setField(7, weights == null ? null : map(weights, weight -> weight));
        row.setField(8, EvidenceDetail.priorWeight(evidence));
        row.setField(9, EvidenceDetail.totalWeight(evidence));
        return row;
    }

    /** A map column, keys and values converted to Flink's internal data; insertion order kept. */
    private static <V> GenericMapData map(Map<String, V> values, Function<V, Object> value) {
        Map<Object, Object> data = new LinkedHashMap<>();
        values.forEach((key, v) -> data.put(StringData.fromString(key), value.apply(v)));
        return new GenericMapData(data);
    }

    static InternalTypeInfo<RowData> resolutionStateType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.RESOLUTION_STATE.schema()));
    }

    static InternalTypeInfo<RowData> matchLinksType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.MATCH_LINKS.schema()));
    }

    static RowData resolutionState(SeenRecord seen) {
        GenericRowData row = new GenericRowData(4);
        row.setField(0, StringData.fromString(seen.recordId));
        row.setField(1, seen.ingestedAt == null ? null : timestamp(seen.ingestedAt));
        row.setField(2, string(seen.blockKey));
        row.setField(3, string(seen.fingerprint));
        return row;
    }

    static RowData matchLink(Link link) {
        GenericRowData row = new GenericRowData(9);
        row.setField(0, StringData.fromString(link.blockKey));
        row.setField(1, StringData.fromString(link.fromRecordId));
        row.setField(2, StringData.fromString(link.toRecordId));
        row.setField(3, StringData.fromString(link.rule));
        row.setField(4, link.probability);
        if (link.levels != null) {
            row.setField(5, link.levels.clone());
            row.setField(6, new GenericArrayData(link.weights.clone()));
            row.setField(7, link.priorWeight);
        }
        row.setField(8, link.nameCheck == null ? null : StringData.fromString(link.nameCheck.name()));
        return row;
    }

    static InternalTypeInfo<RowData> matchModelType() {
        return InternalTypeInfo.of((RowType) FlinkSchemaUtil.convert(RapportTables.MATCH_MODEL.schema()));
    }

    /** A row of the estimated model; estimated_at is this run's time. */
    RowData matchModel(StoredModel.Row model) {
        GenericRowData row = new GenericRowData(9);
        row.setField(0, StringData.fromString(model.field()));
        row.setField(1, model.level());
        row.setField(2, StringData.fromString(model.levelName()));
        row.setField(3, model.m());
        row.setField(4, model.u());
        row.setField(5, model.candidateU());
        row.setField(6, model.lambda());
        row.setField(7, model.candidateLambda());
        row.setField(8, timestamp(resolvedAtMicros));
        return row;
    }

    RowData customerProfile(GoldenProfile profile) {
        GenericRowData row = new GenericRowData(19);
        row.setField(0, StringData.fromString(profile.customerId()));
        row.setField(1, string(profile.firstName()));
        row.setField(2, string(profile.lastName()));
        row.setField(3, string(profile.fullName()));
        row.setField(4, string(profile.email()));
        row.setField(5, string(profile.phone()));
        row.setField(6, profile.emails().isEmpty() ? null : strings(profile.emails()));
        row.setField(7, profile.phones().isEmpty() ? null : strings(profile.phones()));
        row.setField(8, string(profile.street()));
        row.setField(9, string(profile.city()));
        row.setField(10, string(profile.postcode()));
        row.setField(11, string(profile.country()));
        row.setField(12, profile.birthDate());
        row.setField(13, string(profile.company()));
        row.setField(14, strings(profile.sources()));
        row.setField(15, profile.recordCount());
        row.setField(16, profile.firstSeen() == null ? null : timestamp(profile.firstSeen()));
        row.setField(17, profile.lastUpdated() == null ? null : timestamp(profile.lastUpdated()));
        row.setField(18, timestamp(resolvedAtMicros));
        return row;
    }

    private static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }

    private static GenericArrayData strings(List<String> values) {
        return new GenericArrayData(values.stream().map(StringData::fromString).toArray());
    }

    private static TimestampData timestamp(long micros) {
        return TimestampData.fromEpochMillis(Math.floorDiv(micros, 1000), (int) Math.floorMod(micros, 1000) * 1000);
    }
}
