package dev.rapport.metrics.nps;

/**
 * The 95% confidence interval of an NPS, the formula {@code nps_daily.sql} computes.
 *
 * <p>NPS is the mean of one value per response: +100 for a promoter, 0 for a passive, -100 for a
 * detractor. With {@code n} responses, {@code P} promoters and {@code D} detractors:
 *
 * <pre>
 *   nps      = 100 * (P - D) / n
 *   variance = 100^2 * (P + D) / n - nps^2          (the variance of those values)
 *   se       = sqrt(variance / n)
 *   interval = nps -/+ 1.959964 * se, clamped to [-100, 100]
 * </pre>
 *
 * <p>The normal approximation: good for dozens of responses, rough for a handful (a single
 * response, or all responses in one category, gives a zero-width interval).
 */
public record NpsConfidenceInterval(double low, double high) {

    /** The two-sided 97.5% quantile of the standard normal distribution. */
    public static final double Z_95 = 1.959963984540054;

    public NpsConfidenceInterval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
    }

    public static NpsConfidenceInterval of(NpsAggregate aggregate) {
        long n = aggregate.responses();
        if (n == 0) {
            throw new IllegalArgumentException("no responses, no interval");
        }
        double nps = 100.0 * (aggregate.promoters() - aggregate.detractors()) / n;
        double variance = Math.max(0.0, 10_000.0 * (aggregate.promoters() + aggregate.detractors()) / n - nps * nps);
        double halfWidth = Z_95 * Math.sqrt(variance / n);
        return new NpsConfidenceInterval(Math.max(-100.0, nps - halfWidth), Math.min(100.0, nps + halfWidth));
    }
}
