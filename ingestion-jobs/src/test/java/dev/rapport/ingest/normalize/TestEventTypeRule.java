package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import org.junit.jupiter.api.Test;

class TestEventTypeRule {

    private final EventTypeRule rule = new EventTypeRule();

    @Test
    void everyEventTypeHasItsCategory() {
        assertThat(rule.category("email_open")).isEqualTo("email");
        assertThat(rule.category("email_spam_report")).isEqualTo("email");
        assertThat(rule.category("email_subscribe")).isEqualTo("email");
        assertThat(rule.category("order")).isEqualTo("commerce");
        assertThat(rule.category("invoice")).isEqualTo("commerce");
        assertThat(rule.category("payment")).isEqualTo("commerce");
        assertThat(rule.category("return")).isEqualTo("commerce");
        assertThat(rule.category("ticket_reopened")).isEqualTo("support");
        assertThat(rule.category("survey_response")).isEqualTo("survey");
        assertThat(rule.category("web_visit")).isEqualTo("web");
        assertThat(rule.category("app_visit")).isEqualTo("web");
        assertThat(EventTypeRule.EVENT_TYPES)
                .allSatisfy(type -> assertThat(EventTypeRule.CATEGORIES).contains(rule.category(type)));
    }

    @Test
    void unknownEventTypeIsRejected() throws RecordException {
        assertThat(rule.eventType(" Email_Open ")).isEqualTo("email_open");
        assertThat(rule.eventType("email_subscribe")).isEqualTo("email_subscribe");
        assertThatThrownBy(() -> rule.eventType("opened"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_EVENT_TYPE));
        assertThatThrownBy(() -> rule.checkedCategory("marketing"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CATEGORY));
    }
}
