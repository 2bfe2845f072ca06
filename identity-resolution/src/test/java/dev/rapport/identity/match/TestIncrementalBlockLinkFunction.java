package dev.rapport.identity.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.block.BlockRole;
import dev.rapport.identity.block.BlockingKey;
import dev.rapport.identity.config.IdentityConfig;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TestIncrementalBlockLinkFunction {

    private static KeyedTwoInputStreamOperatorTestHarness<String, BlockingKey, BlockUpdate, Link> harness()
            throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, BlockingKey, BlockUpdate, Link> harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new IncrementalBlockLinkFunction(IdentityConfig.defaults())),
                        (BlockingKey entry) -> entry.key,
                        (BlockUpdate update) -> update.blockKey,
                        Types.STRING);
        harness.open();
        return harness;
    }

    private static BlockingKey entry(String block, String recordId) {
        return new BlockingKey(block, "email", BlockRole.MEMBER, recordId, "crm", "ana", "petrovic");
    }

    @Test
    void untouchedBlockGivesItsPreviousLinksWithoutLinkingAgain() throws Exception {
        try (var harness = harness()) {
            // linking again would also make r3 -> r1: the stored links come out as they are
            Link stored = new Link("r2", "r1", "email", 1.0).inBlock("email:a");
            harness.processElement1(entry("email:a", "r1"), 0L);
            harness.processElement1(entry("email:a", "r2"), 0L);
            harness.processElement1(entry("email:a", "r3"), 0L);
            harness.processElement2(BlockUpdate.previous(stored), 0L);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues()).containsExactly(stored);
            assertThat(harness.extractOutputValues().get(0).blockKey).isEqualTo("email:a");
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void touchedBlockIsLinkedAgainAndItsPreviousLinksDropped() throws Exception {
        try (var harness = harness()) {
            harness.processElement2(BlockUpdate.previous(new Link("r9", "r3", "email").inBlock("email:b")), 0L);
            harness.processElement1(entry("email:b", "r4"), 0L);
            harness.processElement1(entry("email:b", "r3"), 0L);
            harness.processElement2(BlockUpdate.touch("email:b"), 0L);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            List<Link> links = harness.extractOutputValues();
            assertThat(links).containsExactly(new Link("r4", "r3", "email"));
            assertThat(links.get(0).blockKey).isEqualTo("email:b");
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void blockWhoseRecordsAllLeftLinksNothing() throws Exception {
        try (var harness = harness()) {
            harness.processElement2(BlockUpdate.previous(new Link("r6", "r5", "email").inBlock("email:c")), 0L);
            harness.processElement2(BlockUpdate.touch("email:c"), 0L);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }
}
