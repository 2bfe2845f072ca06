package dev.rapport.identity.cluster;

/** What the clustering operator writes: an {@link Assignment} or an {@link IdentityEvent}. A Flink POJO. */
public class Resolution {

    public Assignment assignment;
    public IdentityEvent event;

    public Resolution() {}

    public static Resolution of(Assignment assignment) {
        Resolution resolution = new Resolution();
        resolution.assignment = assignment;
        return resolution;
    }

    public static Resolution of(IdentityEvent event) {
        Resolution resolution = new Resolution();
        resolution.event = event;
        return resolution;
    }
}
