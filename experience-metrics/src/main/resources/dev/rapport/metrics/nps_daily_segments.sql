-- The join of nps_daily.sql (its segment join) that finds the customer of each NPS answer
-- (c.customer_id: the smallest customer_id the timeline links its event_id to) and that
-- customer's RFM row (r.rfm_segment). Used when identity resolution has run, after
-- metrics.customer_timeline and metrics.customer_rfm are written.
LEFT JOIN (
                SELECT event_id, MIN(customer_id) AS customer_id
                FROM metrics.customer_timeline
                WHERE category = 'survey' AND event_type = 'survey_response' AND ${time_range(event_time)}
                GROUP BY event_id
            ) AS c ON c.event_id = i.event_id
            LEFT JOIN metrics.customer_rfm AS r ON r.customer_id = c.customer_id
