/**
 * Customer journey metrics: the stages each customer reached ({@code metrics.journey_stages}) and
 * the conversion between them ({@code metrics.stage_transitions}), with their settings and the
 * nearest-rank percentile rule.
 */
package dev.rapport.metrics.journey;
