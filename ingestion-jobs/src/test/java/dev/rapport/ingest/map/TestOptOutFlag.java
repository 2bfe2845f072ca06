package dev.rapport.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import org.junit.jupiter.api.Test;

class TestOptOutFlag {

    @Test
    void readsTheWaysExportsWriteACheckbox() throws RecordException {
        for (String yes : new String[] {"true", "TRUE", " Yes ", "y", "1", "x"}) {
            assertThat(OptOutFlag.read(yes, "email_opt_out")).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "No", "n", "0"}) {
            assertThat(OptOutFlag.read(no, "email_opt_out")).as(no).isFalse();
        }
        assertThat(OptOutFlag.read("", "email_opt_out")).isNull();
        assertThat(OptOutFlag.read(null, "email_opt_out")).isNull();
    }

    @Test
    void anythingElseRejectsTheRecordNamingTheField() {
        assertThatThrownBy(() -> OptOutFlag.read("maybe", "sms_opt_out"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BOOLEAN))
                .hasMessageContaining("sms_opt_out 'maybe' is not a yes/no value");
    }
}
