package dev.rapport.ingest.job;

/**
 * Iceberg's {@code InternalData} (which writes manifests) registers its file formats through the
 * current thread's context class loader once per JVM, in its static initializer. On a session
 * cluster's TaskManager, Iceberg's classes live in the cluster's class path and outlive jobs; if
 * that first use happens on a worker thread started by an earlier job, whose class loader Flink has
 * closed, the initializer fails and manifests can no longer be written in that JVM. Initializing it
 * from a task of the running job, whose class loader is open, avoids that.
 */
final class IcebergStatics {

    private IcebergStatics() {}

    static void initialize() {
        try {
            Class.forName(
                    "org.apache.iceberg.InternalData",
                    true,
                    Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Iceberg's InternalData is not on the class path", e);
        }
    }
}
