package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TestRecordIds {

    @Test
    void isTheFirstSixteenBytesOfSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("crm\u0000c1".getBytes(StandardCharsets.UTF_8));
        assertThat(RecordIds.of("crm", "c1"))
                .isEqualTo(HexFormat.of().formatHex(digest).substring(0, 32));
    }

    @Test
    void separatesSourceFromKey() {
        assertThat(RecordIds.of("crm", "c1")).hasSize(32).isEqualTo(RecordIds.of("crm", "c1"));
        assertThat(RecordIds.of("crm1", "")).isNotEqualTo(RecordIds.of("crm", "1"));
    }
}
