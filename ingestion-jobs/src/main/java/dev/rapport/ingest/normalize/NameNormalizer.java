package dev.rapport.ingest.normalize;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names: the value kept is NFC with whitespace collapsed; the match key is transliterated to Latin,
 * folded to ASCII, lower case, letters only, so that {@code Петровић}, {@code Petrović} and {@code
 * PETROVIC} share the key {@code petrovic}.
 */
public final class NameNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int CACHED_KEYS = 20_000;

    // ICU transliterators are not documented as thread-safe: one per normalizer, one normalizer per operator.
    private final Transliterator toAscii = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    // Transliteration is the costly step, and names repeat: the keys of recent non-ASCII names are
    // kept (a pure function of the name, so the cache changes no result).
    private final Map<String, String> transliterated = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_KEYS;
        }
    };

    /** NFC, trimmed, inner whitespace collapsed to one space; null when nothing is left. */
    public String clean(String raw) {
        if (raw == null) {
            return null;
        }
        // Printable ASCII without runs of spaces is already NFC and collapsed: only strip it.
        String name = isSimple(raw)
                ? raw.strip()
                : WHITESPACE
                        .matcher(Normalizer.normalize(raw, Normalizer.Form.NFC))
                        .replaceAll(" ")
                        .strip();
        return name.isEmpty() ? null : name;
    }

    public String key(String name) {
        if (name == null) {
            return null;
        }
        // ASCII is left as it is by Any-Latin and Latin-ASCII: only Lower applies, so skip ICU.
        String ascii = isAscii(name)
                ? name.toLowerCase(java.util.Locale.ROOT)
                : transliterated.computeIfAbsent(name, toAscii::transliterate);
        StringBuilder key = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= 'a' && c <= 'z') {
                key.append(c);
            }
        }
        return key.isEmpty() ? null : key.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSimple(String text) {
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
