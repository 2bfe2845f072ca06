package dev.rapport.ingest.map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON document: a column is a field name or a dotted path ({@code data.email}). A field whose
 * name itself contains dots is found too, before the path is followed.
 */
public final class JsonRow implements SourceRow {

    private final JsonNode root;

    public JsonRow(JsonNode root) {
        this.root = java.util.Objects.requireNonNull(root, "root is null");
    }

    @Override
    public String get(String column) {
        JsonNode node = root.get(column);
        if (node == null) {
            node = root;
            for (String step : column.split("\\.")) {
                node = node.get(step);
                if (node == null) {
                    return null;
                }
            }
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
