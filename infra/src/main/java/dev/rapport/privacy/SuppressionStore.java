package dev.rapport.privacy;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.suppress.Suppressions;
import dev.rapport.runtime.SmallTableAppend;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads and writes {@code ops.suppressions}: salted hashes of the people who asked to be forgotten. */
public final class SuppressionStore {

    private final CatalogConfig catalog;

    public SuppressionStore(CatalogConfig catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /**
     * Everyone suppressed so far. Needs the salt only when there is someone: an empty or missing
     * table needs no {@value SuppressionSalt#VARIABLE}.
     */
    public Suppressions load(Map<String, String> environment) {
        Set<String> hashes = new HashSet<>();
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            if (!tables.exists(RapportTables.SUPPRESSIONS)) {
                return Suppressions.none();
            }
            Table table = tables.load(RapportTables.SUPPRESSIONS);
            try (CloseableIterable<Record> rows =
                    IcebergGenerics.read(table).select("suppression_hash").build()) {
                rows.forEach(row -> hashes.add((String) row.getField("suppression_hash")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RapportTables.SUPPRESSIONS.qualifiedName(), e);
            }
        }
        if (hashes.isEmpty()) {
            return Suppressions.none();
        }
        return new Suppressions(SuppressionSalt.from(environment), hashes);
    }

    /** Appends the hashes of one forgotten person; returns how many rows were written. */
    public int record(String salt, Subject subject, String requestId, Instant at) {
        List<Map<String, Object>> rows = new ArrayList<>();
        subject.emailKeys().forEach(key -> rows.add(row(salt, Suppressions.EMAIL_KEY, key, requestId, at)));
        subject.recordIds().forEach(id -> rows.add(row(salt, Suppressions.RECORD_ID, id, requestId, at)));
        subject.customerIds().forEach(id -> rows.add(row(salt, Suppressions.CUSTOMER_ID, id, requestId, at)));
        if (!rows.isEmpty()) {
            SmallTableAppend.append(catalog, RapportTables.SUPPRESSIONS, requestId, rows);
        }
        return rows.size();
    }

    private static Map<String, Object> row(String salt, String kind, String value, String requestId, Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("suppression_hash", Suppressions.hash(salt, kind, value));
        row.put("kind", kind);
        row.put("suppressed_at", at.atOffset(ZoneOffset.UTC));
        row.put("request_id", requestId);
        return row;
    }
}
