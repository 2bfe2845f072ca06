package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Salted SHA-256 of an identifier, for destinations that must not see personal data: hex of
 * SHA-256 over the salt's UTF-8 bytes, a NUL byte and the value's UTF-8 bytes. The same value and
 * salt always give the same hash, so a destination can join on it; without the salt it cannot be
 * reversed by hashing a list of known e-mail addresses.
 */
public final class SaltedHash {

    /** The environment variable that holds the salt. */
    public static final String SALT_VARIABLE = "RAPPORT_FEED_SALT";

    /** Fewer characters than this is not a salt worth the name. */
    public static final int MIN_SALT_LENGTH = 16;

    private final byte[] salt;

    public SaltedHash(String salt) {
        requireNonNull(salt, "salt is null");
        if (salt.length() < MIN_SALT_LENGTH) {
            throw new IllegalArgumentException(
                    "the salt must have at least " + MIN_SALT_LENGTH + " characters, got " + salt.length());
        }
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** The hash as 64 lower-case hex digits, or null for a null value. */
    public String hash(String value) {
        if (value == null) {
            return null;
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        sha256.update(salt);
        sha256.update((byte) 0);
        sha256.update(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
