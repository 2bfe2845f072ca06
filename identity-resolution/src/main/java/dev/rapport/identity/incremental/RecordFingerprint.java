package dev.rapport.identity.incremental;

import dev.rapport.identity.record.ResolutionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of everything resolution reads from a record except {@code ingested_at}: two versions
 * with the same fingerprint join the same blocks and compare alike, so a record re-ingested
 * without a change does not count as changed.
 */
public final class RecordFingerprint {

    private RecordFingerprint() {}

    public static String of(ResolutionRecord record) {
        List<Object> fields = Arrays.asList(
                record.recordId,
                record.source,
                record.sourceId,
                record.firstName,
                record.lastName,
                record.fullName,
                record.email,
                record.phone,
                record.street,
                record.city,
                record.postcode,
                record.country,
                record.birthDate,
                record.company,
                record.sourceCustomerRef,
                record.createdAt,
                record.updatedAt,
                record.emailKey,
                record.phoneE164,
                record.firstNameKey,
                record.lastNameKey,
                record.postcodeKey,
                record.nationalId);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object field : fields) {
                // a marker byte keeps null apart from the empty string, the separator keeps fields apart
                digest.update(field == null ? (byte) 0 : (byte) 1);
                if (field != null) {
                    digest.update(field.toString().getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
