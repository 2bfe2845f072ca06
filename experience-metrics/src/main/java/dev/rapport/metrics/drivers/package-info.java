/**
 * NPS drivers: {@code metrics.nps_drivers}, which channels, touchpoints, languages, experiences
 * (a ticket, a breached ticket, a purchase, a return in the 90 days before the answer) and comment
 * topics go with a higher or lower NPS, with effect size and significance ({@link
 * dev.rapport.metrics.drivers.NpsDifference}).
 */
package dev.rapport.metrics.drivers;
