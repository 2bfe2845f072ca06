package dev.rapport.ingest.stream;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Polls a condition until it holds or a deadline passes; a bounded wait instead of a sleep. */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(200);

    private Eventually() {}

    /** Returns when {@code condition} is true; fails with {@code what} and the last value otherwise. */
    public static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
                last = null;
            } catch (Exception notYet) {
                last = notYet;
            }
            LockSupport.parkNanos(PAUSE.toNanos());
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
    }
}
