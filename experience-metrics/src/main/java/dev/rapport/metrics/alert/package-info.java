/**
 * The closed loop: {@link dev.rapport.metrics.alert.AlertsJob} turns each detractor's survey
 * response arriving on Kafka into a {@code feeds.alerts} row with the customer and their open
 * tickets, exactly once, within a checkpoint interval.
 */
package dev.rapport.metrics.alert;
