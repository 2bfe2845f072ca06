package dev.rapport.report;

/**
 * Maps a value of a domain linearly onto a pixel range (which may run backwards, as a y axis does).
 * A domain of zero width maps every value to the middle of the range.
 */
public record LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd) {

    public LinearScale {
        if (!Double.isFinite(domainMin) || !Double.isFinite(domainMax) || domainMin > domainMax) {
            throw new IllegalArgumentException(
                    "domain [" + domainMin + ", " + domainMax + "] is not a finite interval");
        }
    }

    public double map(double value) {
        if (domainMax == domainMin) {
            return (rangeStart + rangeEnd) / 2;
        }
        return rangeStart + (value - domainMin) / (domainMax - domainMin) * (rangeEnd - rangeStart);
    }

    /** About {@code count} round tick values (1, 2 or 5 times a power of ten apart) inside the domain. */
    public java.util.List<Double> ticks(int count) {
        if (domainMax == domainMin || count < 1) {
            return java.util.List.of(domainMin);
        }
        double rough = (domainMax - domainMin) / count;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power;
        for (double factor : new double[] {1, 2, 5, 10}) {
            step = factor * power;
            if (step >= rough) {
                break;
            }
        }
        java.util.List<Double> ticks = new java.util.ArrayList<>();
        for (double tick = Math.ceil(domainMin / step) * step; tick <= domainMax + step * 1e-9; tick += step) {
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
        }
        return ticks;
    }
}
