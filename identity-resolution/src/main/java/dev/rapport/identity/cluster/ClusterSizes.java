package dev.rapport.identity.cluster;

import java.util.List;

/**
 * The size classes of the cluster size distribution a run reports: customers with 1, 2, 3-5, 6-10,
 * 11-100, 101-1000 and more than 1000 records. A chain of weak links that glues people together
 * shows up as customers in the upper classes long before it moves the averages.
 */
public final class ClusterSizes {

    /** Customers of {@code min} to {@code max} records (inclusive); {@code label} as reports print it. */
    public record SizeClass(String label, int min, int max) {}

    public static final List<SizeClass> CLASSES = List.of(
            new SizeClass("1", 1, 1),
            new SizeClass("2", 2, 2),
            new SizeClass("3-5", 3, 5),
            new SizeClass("6-10", 6, 10),
            new SizeClass("11-100", 11, 100),
            new SizeClass("101-1000", 101, 1000),
            new SizeClass("1001+", 1001, Integer.MAX_VALUE));

    private ClusterSizes() {}

    /** The class of a customer with {@code records} records (at least 1). */
    public static SizeClass of(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("a customer has at least one record, got " + records);
        }
        for (SizeClass sizeClass : CLASSES) {
            if (records <= sizeClass.max()) {
                return sizeClass;
            }
        }
        throw new IllegalStateException("the last class has no upper bound");
    }
}
