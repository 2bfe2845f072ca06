/**
 * Net Promoter Score: {@code metrics.nps_daily}, one row per UTC day, channel, touchpoint, comment
 * language and respondent segment.
 *
 * <p>The definition, stated once here and kept in step with {@code nps_daily.sql}:
 *
 * <ul>
 *   <li><b>Response</b>: a {@code staging.interactions} row with category {@code survey},
 *       event_type {@code survey_response}, survey_type {@code NPS} and a score from 0 to 10. CSAT
 *       and CES answers, answers without a score, deleted answers ({@code deleted_at} set) and every
 *       other event are not responses. Scores off
 *       the scale are quarantined at ingestion; the SQL still excludes them, so one bad row cannot
 *       shift a day's score.
 *   <li><b>Categories</b>: 9-10 promoter, 7-8 passive, 0-6 detractor ({@link
 *       dev.rapport.metrics.nps.NpsScore}).
 *   <li><b>Score</b>: {@code 100 * (promoters - detractors) / responses}, -100 to +100 ({@link
 *       dev.rapport.metrics.nps.NpsAggregate}). Scores of several rows combine through their
 *       counts, never by averaging.
 *   <li><b>Repeated answers</b>: a respondent who answers more than once on the same day for the
 *       same channel and touchpoint counts once, with the latest answer (ties on event_time go to
 *       the larger event_id). The respondent is the source's customer key ({@code customer_source},
 *       else {@code source}, with {@code customer_ref}), else the email match key; answers with
 *       neither are anonymous and each counts. The same customer on another day, channel or
 *       touchpoint counts again. Redelivered copies of one event never reach this far: staging
 *       keeps one row per event_id.
 *   <li><b>Day</b>: the UTC date of event_time.
 *   <li><b>Missing channel or touchpoint</b>: null or blank becomes {@code unknown}.
 *   <li><b>Segment</b>: the {@code metrics.customer_rfm} segment of the customer the timeline
 *       links the answer to (the smallest customer_id if several), {@code no_purchase} for a
 *       customer without an RFM row, {@code unknown} for an answer linked to no customer. Like the
 *       language, it labels the counted answer and is not part of the repeated-answers rule.
 * </ul>
 */
package dev.rapport.metrics.nps;
