package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

class TestDuplicateRowsFunction {

    private static KeyedOneInputStreamOperatorTestHarness<
                    Long, Tuple4<String, String, Long, Long>, Either<byte[], Tuple2<Long, Long>>>
            harness(KeySelector<Tuple4<String, String, Long, Long>, Long> group) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DuplicateRowsFunction("crm")), group, Types.LONG);
        harness.setup(AppendMessages.TYPE.createSerializer(new SerializerConfigImpl()));
        return harness;
    }

    /** A row written at {@code position} of file 1. */
    private static Tuple4<String, String, Long, Long> row(String key, String order, long position) {
        return Tuple4.of(key, order, 1L, position);
    }

    private static List<Long> replacedPositions(
            KeyedOneInputStreamOperatorTestHarness<
                            Long, Tuple4<String, String, Long, Long>, Either<byte[], Tuple2<Long, Long>>>
                    harness) {
        return harness.extractOutputValues().stream()
                .map(message -> message.right().f1)
                .sorted()
                .toList();
    }

    private static Map<String, Object> counts(
            KeyedOneInputStreamOperatorTestHarness<
                            Long, Tuple4<String, String, Long, Long>, Either<byte[], Tuple2<Long, Long>>>
                    harness) {
        Map<String, org.apache.flink.api.common.accumulators.Accumulator<?, ?>> accumulators =
                harness.getEnvironment().getAccumulatorRegistry().getUserMap();
        return Map.of(
                "stored", accumulators.get("crm.stored").getLocalValue(),
                "deduplicated", accumulators.get("crm.deduplicated").getLocalValue());
    }

    @Test
    void everyRowButTheLastInFileOrderOfItsKeyIsReplaced() throws Exception {
        try (var harness = harness(row -> DuplicateRowsFunction.groupOf(row.f0))) {
            harness.open();
            harness.processElement(row("c1", "a.csv\u00000002", 0), 1);
            harness.processElement(row("c2", "a.csv\u00000003", 1), 2);
            harness.processElement(row("c1", "b.csv\u00000001", 2), 3); // the last of c1: b.csv after a.csv
            harness.processElement(row("c1", "a.csv\u00000009", 3), 4);

            assertThat(replacedPositions(harness)).containsExactly(0L, 3L);
            assertThat(harness.extractOutputValues()).allMatch(message -> message.right().f0 == 1L);
            assertThat(counts(harness)).isEqualTo(Map.of("stored", 2L, "deduplicated", 2L));
        }
    }

    @Test
    void keysOfOneGroupAreNotMerged() throws Exception {
        // every key in one group, as two keys whose hashes collide would be
        try (var harness = harness(row -> 42L)) {
            harness.open();
            harness.processElement(row("c1", "a.csv\u00000001", 0), 1);
            harness.processElement(row("c2", "a.csv\u00000002", 1), 2);
            harness.processElement(row("c1", "a.csv\u00000003", 2), 3);

            assertThat(replacedPositions(harness)).containsExactly(0L);
            assertThat(counts(harness)).isEqualTo(Map.of("stored", 2L, "deduplicated", 1L));
        }
    }

    @Test
    void groupsSpreadKeysThatShareALongPrefix() {
        assertThat(DuplicateRowsFunction.groupOf("0035J0000100000QAA"))
                .isEqualTo(DuplicateRowsFunction.groupOf("0035J0000100000QAA"))
                .isNotEqualTo(DuplicateRowsFunction.groupOf("0035J0000100001QAA"));
        long distinct = java.util.stream.IntStream.range(0, 100_000)
                .mapToObj(i -> "0035J00001" + i)
                .map(DuplicateRowsFunction::groupOf)
                .distinct()
                .count();
        assertThat(distinct).isEqualTo(100_000);
    }
}
