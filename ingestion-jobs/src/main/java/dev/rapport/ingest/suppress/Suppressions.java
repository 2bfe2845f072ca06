package dev.rapport.ingest.suppress;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.normalize.EmailNormalizer;
import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.schemas.avro.CustomerRecord;
import dev.rapport.schemas.avro.Interaction;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people who asked to be forgotten, as salted hashes (never their data): ingestion asks it
 * whether a record, an event or a rejected payload belongs to one of them, and skips it if so.
 */
public final class Suppressions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The hash is of an email match key. */
    public static final String EMAIL_KEY = "email_key";

    /** The hash is of a record id (source and source_id, {@link RecordIds}). */
    public static final String RECORD_ID = "record_id";

    /** The hash is of a resolved customer id. */
    public static final String CUSTOMER_ID = "customer_id";

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[^\\s,;\"'<>()\\[\\]{}:]+@[^\\s,;\"'<>()\\[\\]{}:]+");
    private static final Suppressions NONE = new Suppressions("", Set.of());

    private final String salt;
    private final Set<String> hashes;

    public Suppressions(String salt, Set<String> hashes) {
        this.salt = requireNonNull(salt, "salt is null");
        this.hashes = Set.copyOf(requireNonNull(hashes, "hashes is null"));
    }

    /** Nobody is suppressed. */
    public static Suppressions none() {
        return NONE;
    }

    /** Hex SHA-256 of salt, kind and value: what {@code ops.suppressions} stores. */
    public static String hash(String salt, String kind, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((salt + "\u0000" + kind + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    public int size() {
        return hashes.size();
    }

    public boolean suppresses(CustomerRecord record) {
        return !hashes.isEmpty()
                && (holds(EMAIL_KEY, record.getEmailKey())
                        || holds(RECORD_ID, RecordIds.of(record.getSource(), record.getSourceId())));
    }

    /** An event of a suppressed email, or of a suppressed record (its customer_source and customer_ref). */
    public boolean suppresses(Interaction event) {
        if (hashes.isEmpty()) {
            return false;
        }
        if (holds(EMAIL_KEY, event.getEmailKey())) {
            return true;
        }
        String customerSource = event.getCustomerSource() == null ? event.getSource() : event.getCustomerSource();
        return event.getCustomerRef() != null && holds(RECORD_ID, RecordIds.of(customerSource, event.getCustomerRef()));
    }

    /** A raw payload (a rejected record) that names a suppressed email anywhere in its text. */
    public boolean suppressesPayload(String payload) {
        if (hashes.isEmpty() || payload == null) {
            return false;
        }
        EmailNormalizer emails = new EmailNormalizer();
        Matcher matcher = EMAIL_IN_TEXT.matcher(payload);
        while (matcher.find()) {
            String candidate = matcher.group().toLowerCase(Locale.ROOT);
            if (emails.isValid(candidate) && holds(EMAIL_KEY, emails.key(candidate))) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(String kind, String value) {
        return value != null && hashes.contains(hash(salt, kind, value));
    }
}
