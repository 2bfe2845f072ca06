package dev.rapport.generate;

import java.util.SplittableRandom;

/** Independent, reproducible random streams: one per person, so output depends only on the seed. */
final class RandomStreams {

    private RandomStreams() {}

    static SplittableRandom forPerson(long seed, long personIndex) {
        return new SplittableRandom(mix(seed, personIndex));
    }

    /**
     * A stream for one person's retries ({@code purpose} tells which), apart from the person's own
     * stream, so that a retry changes only the value retried.
     */
    static SplittableRandom forRetries(long seed, long personIndex, long purpose) {
        return new SplittableRandom(mix(mix(seed, personIndex), purpose));
    }

    /** SplitMix64 finalizer over both inputs: neighbouring indexes give unrelated streams. */
    static long mix(long seed, long value) {
        long z = seed * 0x9E3779B97F4A7C15L + value + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
