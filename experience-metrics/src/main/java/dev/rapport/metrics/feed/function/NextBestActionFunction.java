package dev.rapport.metrics.feed.function;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.feed.ChannelConsent;
import dev.rapport.metrics.feed.CustomerSignals;
import dev.rapport.metrics.feed.NextBestAction;
import dev.rapport.metrics.feed.NextBestActionRule;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_next_best_action(as_of, rfm_segment, churn_risk, risk_band, health_reasons,
 * last_nps, last_nps_day, open_tickets, preferred_channel, consent_email, consent_sms,
 * consent_phone, email, phone)}: {@link NextBestActionRule#choose} as a row (action, channel,
 * reason).
 */
public final class NextBestActionFunction extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final NextBestActionRule rule;

    public NextBestActionFunction(NextBestActionRule rule) {
        this.rule = requireNonNull(rule, "rule is null");
    }

    @DataTypeHint("ROW<action STRING, channel STRING, reason STRING>")
    public Row eval(
            LocalDate asOf,
            String rfmSegment,
            Double churnRisk,
            String riskBand,
            String healthReasons,
            Integer lastNps,
            LocalDate lastNpsDay,
            Integer openTickets,
            String preferredChannel,
            String consentEmail,
            String consentSms,
            String consentPhone,
            String email,
            String phone) {
        Set<String> reachable = new HashSet<>();
        if (email != null && !email.isBlank()) {
            reachable.add("email");
        }
        if (phone != null && !phone.isBlank()) {
            reachable.add("sms");
            reachable.add("phone");
        }
        NextBestAction action = rule.choose(new CustomerSignals(
                asOf,
                rfmSegment,
                churnRisk,
                riskBand,
                healthReasons,
                lastNpsDay == null ? null : lastNps,
                lastNps == null ? null : lastNpsDay,
                openTickets == null ? 0 : openTickets,
                preferredChannel,
                Map.of(
                        "email", ChannelConsent.of(consentEmail),
                        "sms", ChannelConsent.of(consentSms),
                        "phone", ChannelConsent.of(consentPhone)),
                reachable));
        return Row.of(action.action(), action.channel(), action.reason());
    }
}
