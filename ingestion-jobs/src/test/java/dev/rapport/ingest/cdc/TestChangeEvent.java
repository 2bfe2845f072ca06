package dev.rapport.ingest.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestChangeEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String postgres(String op, String before, String after, long lsn, long tsMs) {
        return "{\"before\": " + before + ", \"after\": " + after + ", \"op\": \"" + op + "\", \"ts_ms\": "
                + (tsMs + 500) + ", \"source\": {\"connector\": \"postgresql\", \"db\": \"erp\", \"schema\":"
                + " \"public\", \"table\": \"customers\", \"lsn\": " + lsn + ", \"ts_ms\": " + tsMs + "}}";
    }

    @Test
    void updateReadsTheAfterImageAndTheLogPosition() throws Exception {
        ChangeEvent change = ChangeEvent.parse(json(
                postgres("u", "null", "{\"id\": 7, \"email\": \"a@example.com\"}", 24_023_128L, 1_700_000_000_000L)));

        assertThat(change.operation()).isEqualTo(ChangeOperation.UPDATE);
        assertThat(change.row().get("email").asText()).isEqualTo("a@example.com");
        assertThat(change.changedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(change.isDelete()).isFalse();
    }

    @Test
    void deleteReadsTheBeforeImage() throws Exception {
        ChangeEvent change = ChangeEvent.parse(json(postgres("d", "{\"id\": 7}", "null", 25_000_000L, 1L)));

        assertThat(change.isDelete()).isTrue();
        assertThat(change.row().get("id").asInt()).isEqualTo(7);
    }

    @Test
    void theSchemaWrapperIsUnwrapped() throws Exception {
        String payload = postgres("c", "null", "{\"id\": 8}", 30L, 2L);
        ChangeEvent change =
                ChangeEvent.parse(json("{\"schema\": {\"type\": \"struct\"}, \"payload\": " + payload + "}"));

        assertThat(change.operation()).isEqualTo(ChangeOperation.CREATE);
        assertThat(change.row().get("id").asInt()).isEqualTo(8);
    }

    @Test
    void changesOfARowOrderByLogPositionNotByArrival() throws Exception {
        String small = ChangeEvent.parse(json(postgres("u", "null", "{\"id\": 1}", 9_999L, 5L)))
                .sequence();
        String large = ChangeEvent.parse(json(postgres("u", "null", "{\"id\": 1}", 10_000L, 4L)))
                .sequence();

        // Numerically ordered although 9999 > 10000 as text, and the log position beats the clock.
        assertThat(small).isLessThan(large);
    }

    @Test
    void withoutALogPositionTheSourceTimeOrders() throws Exception {
        String earlier = ChangeEvent.parse(json("{\"op\": \"u\", \"after\": {\"id\": 1}, \"ts_ms\": 99}"))
                .sequence();
        String later = ChangeEvent.parse(json("{\"op\": \"u\", \"after\": {\"id\": 1}, \"ts_ms\": 100}"))
                .sequence();
        String mysql = ChangeEvent.parse(json("{\"op\": \"u\", \"after\": {\"id\": 1}, \"source\": {\"ts_ms\": 1,"
                        + " \"file\": \"binlog.000003\", \"pos\": 1542, \"row\": 0}}"))
                .sequence();

        assertThat(earlier).isLessThan(later);
        assertThat(mysql).startsWith("binlog:binlog.000003:");
    }

    @Test
    void whatCannotBeAppliedIsRejectedWithTheReason() {
        assertMalformed("{\"id\": 1, \"email\": \"a@example.com\"}", "has no op field");
        assertMalformed("{\"op\": \"t\", \"ts_ms\": 1, \"source\": {}}", "op 't' is not applied");
        assertMalformed("{\"op\": \"d\", \"before\": null, \"ts_ms\": 1}", "needs the before image");
        assertMalformed("{\"op\": \"c\", \"after\": null, \"ts_ms\": 1}", "needs the after image");
        assertMalformed("{\"op\": \"c\", \"after\": {\"id\": 1}}", "neither source.ts_ms nor ts_ms");
    }

    private static void assertMalformed(String value, String reason) {
        assertThatThrownBy(() -> ChangeEvent.parse(json(value))).isInstanceOfSatisfying(RecordException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_CHANGE_EVENT);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
