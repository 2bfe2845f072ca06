package dev.rapport.privacy;

import java.util.Map;

/**
 * The salt of the suppression hashes, from the environment variable {@value #VARIABLE}. It must stay
 * the same for the life of the warehouse (a new salt makes every earlier suppression unrecognisable)
 * and never be stored beside the data; without it nothing that needs it runs.
 */
public final class SuppressionSalt {

    public static final String VARIABLE = "RAPPORT_SUPPRESSION_SALT";

    static final int MINIMUM_LENGTH = 16;

    private SuppressionSalt() {}

    /** The salt, or an {@link IllegalStateException} that says what to set. */
    public static String from(Map<String, String> environment) {
        String salt = environment.get(VARIABLE);
        if (salt == null || salt.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is not set: forgotten people are stored only as salted"
                    + " hashes, and the salt comes from this environment variable (at least " + MINIMUM_LENGTH
                    + " characters, the same for every run, kept out of the warehouse, e.g. from a secret store)");
        }
        if (salt.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException(
                    VARIABLE + " is too short (" + salt.length() + " characters): use at least " + MINIMUM_LENGTH);
        }
        return salt;
    }
}
