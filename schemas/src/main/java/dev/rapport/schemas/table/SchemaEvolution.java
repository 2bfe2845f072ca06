package dev.rapport.schemas.table;

import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;

/** Brings a table's schema up to a definition by adding what is missing; nothing is dropped or retyped. */
final class SchemaEvolution {

    private SchemaEvolution() {}

    static void apply(Table table, Schema target) {
        Schema current = table.schema();
        boolean missingColumn = target.columns().stream().anyMatch(c -> current.findField(c.name()) == null);
        boolean identifiersDiffer = !current.identifierFieldNames().equals(target.identifierFieldNames());
        if (!missingColumn && !identifiersDiffer) {
            return;
        }
        UpdateSchema update = table.updateSchema().unionByNameWith(target);
        if (identifiersDiffer) {
            update.setIdentifierFields(target.identifierFieldNames());
        }
        update.commit();
    }
}
