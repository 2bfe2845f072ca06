/** Email engagement: {@code metrics.email_engagement}, one row per campaign and UTC day. */
package dev.rapport.metrics.email;
