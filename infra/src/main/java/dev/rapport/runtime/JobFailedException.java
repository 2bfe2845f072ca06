package dev.rapport.runtime;

/** A job that started and then failed; the cause says why. */
public final class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String jobName, Throwable cause) {
        super(jobName + " failed: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
