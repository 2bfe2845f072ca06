package dev.rapport.schemas.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.SortField;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Renders {@code docs/tables.md} from the table definitions, so the reference cannot drift from
 * the tables the jobs create: {@code ./bin/rapport docs tables --out docs/tables.md} writes it, and
 * a test fails when the file differs from what this renders.
 */
public final class TablesDoc {

    /** Example queries, shown when every table they read is defined. */
    private record Example(String title, List<String> tables, String sql) {}

    private static final List<Example> EXAMPLES = List.of(
            new Example(
                    "NPS by channel over the last 90 days",
                    List.of("metrics.nps_daily"),
                    """
                    SELECT channel,
                           SUM(responses) AS responses,
                           100.0 * (SUM(promoters) - SUM(detractors)) / SUM(responses) AS nps
                    FROM metrics.nps_daily
                    WHERE day >= CURRENT_DATE - INTERVAL '90' DAY
                    GROUP BY channel
                    ORDER BY responses DESC"""),
            new Example(
                    "Customers most at risk, with the reasons",
                    List.of("metrics.customer_health", "metrics.customer_rfm"),
                    """
                    SELECT h.customer_id, h.churn_risk, h.reasons, r.rfm_segment, r.monetary
                    FROM metrics.customer_health AS h
                    LEFT JOIN metrics.customer_rfm AS r ON r.customer_id = h.customer_id
                    WHERE h.risk_band = 'high'
                    ORDER BY h.churn_risk DESC, r.monetary DESC
                    LIMIT 20"""),
            new Example(
                    "Funnel conversion by monthly cohort",
                    List.of("metrics.stage_transitions"),
                    """
                    SELECT cohort_month,
                           SUM(customers) AS customers,
                           SUM(converted) AS purchased,
                           100.0 * SUM(converted) / SUM(customers) AS conversion_pct
                    FROM metrics.stage_transitions
                    WHERE from_stage = 'first_seen' AND to_stage = 'first_purchase'
                    GROUP BY cohort_month
                    ORDER BY cohort_month"""),
            new Example(
                    "Where a customer's records came from",
                    List.of("identity.identity_map", "staging.customer_records"),
                    """
                    SELECT m.customer_id, r.source, r.source_id, r.email, r.last_name
                    FROM `identity`.identity_map AS m
                    JOIN staging.customer_records AS r
                      ON r.source = m.source AND r.source_id = m.source_id
                    WHERE m.customer_id = 'c-0123456789abcdef'"""),
            new Example(
                    "What the last ingestion runs did",
                    List.of("staging.ingestion_runs"),
                    """
                    SELECT run_id, source, `read`, stored, deduplicated, quarantined, outcome
                    FROM staging.ingestion_runs
                    ORDER BY started_at DESC
                    LIMIT 20"""));

    private TablesDoc() {}

    /** The whole page for {@code tables}, in their order, grouped by namespace. */
    public static String render(List<TableDefinition> tables) {
        StringBuilder out = new StringBuilder();
        out.append("# Rapport's tables\n\n");
        out.append("<!-- Generated from RapportTables by `./bin/rapport docs tables --out docs/tables.md`;"
                + " do not edit by hand. -->\n\n");
        out.append("Every table Rapport writes is an Iceberg table (format v2) in the catalog of `rapport.yaml`;"
                + " any engine with an Iceberg connector reads them (Flink SQL through `rapport sql`, Trino,"
                + " Spark). `identity` is a reserved word in Flink SQL: write `` `identity`.identity_map ``.\n\n");
        Map<String, List<TableDefinition>> byNamespace = new LinkedHashMap<>();
        for (TableDefinition table : tables) {
            byNamespace
                    .computeIfAbsent(table.identifier().namespace().toString(), n -> new java.util.ArrayList<>())
                    .add(table);
        }
        out.append("| table | grain |\n|---|---|\n");
        for (TableDefinition table : tables) {
            out.append("| [`")
                    .append(table.qualifiedName())
                    .append("`](#")
                    .append(anchor(table.qualifiedName()))
                    .append(") | ")
                    .append(cell(table.grain()))
                    .append(" |\n");
        }
        for (Map.Entry<String, List<TableDefinition>> namespace : byNamespace.entrySet()) {
            out.append("\n## ").append(namespace.getKey()).append("\n");
            for (TableDefinition table : namespace.getValue()) {
                appendTable(out, table);
            }
        }
        appendExamples(out, tables);
        return out.toString();
    }

    private static void appendTable(StringBuilder out, TableDefinition table) {
        out.append("\n### ").append(table.qualifiedName()).append("\n\n");
        out.append("- **Grain**: ").append(table.grain()).append('\n');
        List<String> key = table.identifierFieldNames();
        out.append("- **Key**: ")
                .append(key.isEmpty() ? "none (rows are replaced by partition, not upserted)" : code(key))
                .append('\n');
        out.append("- **Partitioned by**: ").append(partitioning(table)).append('\n');
        out.append("- **Sorted by**: ").append(sorting(table)).append('\n');
        if (!table.properties().isEmpty()) {
            out.append("- **Table properties** (besides format v2, Parquet, zstd): ")
                    .append(new java.util.TreeMap<>(table.properties())
                            .entrySet().stream()
                                    .map(entry -> "`" + entry.getKey() + "=" + entry.getValue() + "`")
                                    .collect(java.util.stream.Collectors.joining(", ")))
                    .append('\n');
        }
        out.append('\n');
        out.append("| column | type | required | meaning |\n|---|---|---|---|\n");
        for (Types.NestedField field : table.schema().columns()) {
            out.append("| `")
                    .append(field.name())
                    .append("` | ")
                    .append(type(field.type()))
                    .append(" | ")
                    .append(field.isRequired() ? "yes" : "no")
                    .append(" | ")
                    .append(cell(field.doc() == null ? "" : field.doc()))
                    .append(" |\n");
        }
    }

    private static void appendExamples(StringBuilder out, List<TableDefinition> tables) {
        List<String> defined =
                tables.stream().map(TableDefinition::qualifiedName).toList();
        List<Example> shown =
                EXAMPLES.stream().filter(e -> defined.containsAll(e.tables())).toList();
        if (shown.isEmpty()) {
            return;
        }
        out.append("\n## Example queries\n\n");
        out.append("Run them with `./bin/rapport sql --config rapport.yaml \"...\"` (Flink SQL) or in any engine"
                + " on the same catalog.\n");
        for (Example example : shown) {
            out.append("\n### ").append(example.title()).append("\n\n```sql\n");
            out.append(example.sql().strip()).append("\n```\n");
        }
    }

    private static String partitioning(TableDefinition table) {
        if (table.spec().isUnpartitioned()) {
            return "nothing (unpartitioned)";
        }
        return table.spec().fields().stream()
                .map(field -> transform(table, field))
                .collect(Collectors.joining(", "));
    }

    private static String transform(TableDefinition table, PartitionField field) {
        String source = table.schema().findColumnName(field.sourceId());
        String transform = field.transform().toString();
        return "`" + (transform.equals("identity") ? source : transform + "(" + source + ")") + "`";
    }

    private static String sorting(TableDefinition table) {
        if (table.sortOrder().isUnsorted()) {
            return "nothing";
        }
        return table.sortOrder().fields().stream()
                .map(field -> sortField(table, field))
                .collect(Collectors.joining(", "));
    }

    private static String sortField(TableDefinition table, SortField field) {
        String name = "`" + table.schema().findColumnName(field.sourceId()) + "`";
        return field.direction() == org.apache.iceberg.SortDirection.ASC ? name : name + " desc";
    }

    private static String type(Type type) {
        return switch (type.typeId()) {
            case STRUCT -> "struct";
            case LIST -> "list<" + type(type.asListType().elementType()) + ">";
            case MAP ->
                "map<" + type(type.asMapType().keyType()) + ", "
                        + type(type.asMapType().valueType()) + ">";
            default -> type.toString();
        };
    }

    private static String code(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** GitHub's heading anchor: lower case, dots dropped, underscores kept. */
    private static String anchor(String qualifiedName) {
        return qualifiedName.replace(".", "");
    }
}
