package dev.rapport.ingest.normalize;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;

/**
 * Names: the value kept is NFC with whitespace collapsed; the match key is transliterated to Latin,
 * folded to ASCII, lower case, letters only, so that {@code Петровић}, {@code Petrović} and {@code
 * PETROVIC} share the key {@code petrovic}.
 */
public final class NameNormalizer {

    // ICU transliterators are not documented as thread-safe: one per normalizer, one normalizer per operator.
    private final Transliterator toAscii = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    /** NFC, trimmed, inner whitespace collapsed to one space; null when nothing is left. */
    public String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .strip();
        return name.isEmpty() ? null : name;
    }

    public String key(String name) {
        if (name == null) {
            return null;
        }
        String ascii = toAscii.transliterate(name);
        StringBuilder key = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= 'a' && c <= 'z') {
                key.append(c);
            }
        }
        return key.isEmpty() ? null : key.toString();
    }
}
