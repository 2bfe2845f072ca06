package dev.rapport.ingest.normalize;

import java.util.Locale;

/** Postcode match key: letters and digits only, upper case ({@code "sw1a 1aa"} gives {@code SW1A1AA}). */
public final class PostcodeNormalizer {

    public String key(String postcode) {
        if (postcode == null) {
            return null;
        }
        // Letters (\\p{L}) and decimal digits (\\p{Nd}) kept, by code point: no regex per record.
        StringBuilder kept = new StringBuilder(postcode.length());
        postcode.codePoints()
                .filter(c -> Character.isLetter(c) || Character.isDigit(c))
                .forEach(kept::appendCodePoint);
        String key = kept.toString().toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }
}
