package dev.rapport.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: hex of the first 16 bytes of SHA-256 over {@code source + "\u0000" + key}, so
 * a rerun or a webhook retry produces the same id and upserts onto the same row.
 */
public final class RecordIds {

    private RecordIds() {}

    public static String of(String source, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((source + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
