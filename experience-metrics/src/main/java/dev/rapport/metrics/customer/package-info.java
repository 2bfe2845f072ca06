/**
 * Customer-level metrics: RFM scores and segments, churn risk (customer health) and the order in
 * which open support tickets should be worked, as pure rules applied by the metrics job.
 */
package dev.rapport.metrics.customer;
