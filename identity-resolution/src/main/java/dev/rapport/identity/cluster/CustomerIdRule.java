package dev.rapport.identity.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The customer id of a cluster: derived from its earliest record (smallest {@code created_at},
 * records without one last, then smallest record id), so a rerun on the same input gives the same
 * ids, and a customer keeps its id when later records join it.
 */
public final class CustomerIdRule {

    /** A record as the rule sees it: its id and when the source created it (microseconds, nullable). */
    public record Member(String recordId, Long createdAt) {
        public Member {
            java.util.Objects.requireNonNull(recordId, "recordId is null");
        }
    }

    static final Comparator<Member> EARLIEST_FIRST = Comparator.comparing(
                    Member::createdAt, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(Member::recordId);

    private CustomerIdRule() {}

    public static Member earliest(Collection<Member> members) {
        return members.stream()
                .min(EARLIEST_FIRST)
                .orElseThrow(() -> new IllegalArgumentException("a cluster has at least one record"));
    }

    public static String customerId(Collection<Member> members) {
        return customerIdOf(earliest(members).recordId());
    }

    /** {@code c-} and the first 16 hex digits (64 bits) of SHA-256 over the record id: 12 digits would make a
     * collision between two of ten million customers likely. */
    public static String customerIdOf(String recordId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(recordId.getBytes(StandardCharsets.UTF_8));
            return "c-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
