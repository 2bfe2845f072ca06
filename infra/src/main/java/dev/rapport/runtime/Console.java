package dev.rapport.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Where the command line talks to its user: progress lines that rewrite themselves on a terminal. */
public final class Console {

    private static final long PLAIN_PROGRESS_MILLIS = 10_000;

    private final PrintStream out;
    private final boolean interactive;
    private boolean progressShown;
    private long lastPlainProgress;

    public Console(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    public static Console system() {
        return new Console(System.out, System.console() != null);
    }

    public void line(String text) {
        clearProgress();
        out.println(text);
        out.flush();
    }

    /**
     * A progress line. On a terminal it replaces the previous one; elsewhere (a log, CI) it is printed
     * at most every {@value #PLAIN_PROGRESS_MILLIS} ms so logs stay readable.
     */
    public void progress(String text) {
        if (interactive) {
            out.print("\r\033[K" + text);
            progressShown = true;
        } else {
            long now = System.nanoTime() / 1_000_000;
            if (lastPlainProgress != 0 && now - lastPlainProgress < PLAIN_PROGRESS_MILLIS) {
                return;
            }
            lastPlainProgress = now;
            out.println(text);
        }
        out.flush();
    }

    private void clearProgress() {
        if (progressShown) {
            out.print("\r\033[K");
            progressShown = false;
        }
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
