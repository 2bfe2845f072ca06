/**
 * Support SLA: {@code metrics.support_sla} (one row per ticket) and {@code
 * metrics.support_sla_daily} (one row per day and priority), computed by {@code support_sla.sql}
 * and {@code support_sla_daily.sql} under the policy of {@link dev.rapport.metrics.support.SlaPolicy}
 * and the rule of {@link dev.rapport.metrics.support.SlaBreachRule}.
 */
package dev.rapport.metrics.support;
