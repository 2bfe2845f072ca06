package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.junit.jupiter.api.Test;

class TestStreamDeduplicateFunction {

    private static KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, RowData>, RowData> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new StreamDeduplicateFunction("esp")), record -> record.f0, Types.STRING);
    }

    private static Tuple3<String, String, RowData> record(String key, String order, String value) {
        return Tuple3.of(key, order, GenericRowData.of(StringData.fromString(value)));
    }

    private static List<String> values(
            KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, RowData>, RowData> harness) {
        return harness.extractOutputValues().stream()
                .map(row -> row.getString(0).toString())
                .toList();
    }

    private static Map<String, Object> counts(
            KeyedOneInputStreamOperatorTestHarness<String, Tuple3<String, String, RowData>, RowData> harness) {
        return Map.of(
                "stored",
                harness.getEnvironment()
                        .getAccumulatorRegistry()
                        .getUserMap()
                        .get("esp.stored")
                        .getLocalValue(),
                "deduplicated",
                harness.getEnvironment()
                        .getAccumulatorRegistry()
                        .getUserMap()
                        .get("esp.deduplicated")
                        .getLocalValue());
    }

    @Test
    void passesTheFirstRecordOfAKeyAndLaterVersionsOnlyInSourceOrder() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement(record("ev1", "t/0\u00000005", "first"), 1);
            harness.processElement(record("ev2", "t/1\u00000001", "other"), 2);
            harness.processElement(record("ev1", "t/0\u00000009", "retry"), 3);
            harness.processElement(record("ev1", "t/0\u00000007", "older"), 4);

            assertThat(values(harness)).containsExactly("first", "other", "retry");
            assertThat(counts(harness)).isEqualTo(Map.of("stored", 2L, "deduplicated", 2L));
        }
    }

    @Test
    void aRestoredFunctionStillRecognizesKeysSeenBeforeTheCheckpoint() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.open();
            harness.processElement(record("ev1", "t/0\u00000001", "first"), 1);
            snapshot = harness.snapshot(1, 10);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(record("ev1", "t/0\u00000001", "replayed"), 5);
            restored.processElement(record("ev2", "t/0\u00000002", "new"), 6);

            assertThat(values(restored)).containsExactly("new");
            assertThat(counts(restored)).isEqualTo(Map.of("stored", 1L, "deduplicated", 1L));
        }
    }
}
