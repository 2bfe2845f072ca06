package dev.rapport.ingest.normalize;

import java.util.Locale;

/** Postcode match key: letters and digits only, upper case ({@code "sw1a 1aa"} gives {@code SW1A1AA}). */
public final class PostcodeNormalizer {

    public String key(String postcode) {
        if (postcode == null) {
            return null;
        }
        String key = postcode.replaceAll("[^\\p{L}\\p{Nd}]", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }
}
