package dev.rapport.ingest.normalize;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Countries to ISO 3166-1 alpha-2. Accepts alpha-2 and alpha-3 codes, English names, names in the
 * country's own languages (as the JDK's locale data has them: {@code Srbija}, {@code Deutschland})
 * and a few common aliases ({@code USA}, {@code UK}).
 */
public final class CountryNormalizer {

    private static final Map<String, String> BY_NAME = buildIndex();
    private static final int SEEN_LIMIT = 10_000;

    private final Map<String, String> seen = new HashMap<>();

    public Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        // Sources repeat a handful of spellings: remember each one's answer (a pure function of it).
        String cached = seen.get(raw);
        if (cached == null) {
            cached = BY_NAME.getOrDefault(fold(raw), "");
            if (seen.size() >= SEEN_LIMIT) {
                seen.clear();
            }
            seen.put(raw, cached);
        }
        return cached.isEmpty() ? Optional.empty() : Optional.of(cached);
    }

    private static Map<String, String> buildIndex() {
        Map<String, String> index = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            index.put(fold(alpha2), alpha2);
            try {
                index.put(fold(country.getISO3Country()), alpha2);
            } catch (MissingResourceException noAlpha3) {
                // a few reserved codes have no alpha-3
            }
            index.putIfAbsent(fold(country.getDisplayCountry(Locale.ENGLISH)), alpha2);
        }
        for (Locale locale : Locale.getAvailableLocales()) {
            if (!locale.getCountry().isEmpty() && locale.getCountry().length() == 2) {
                index.putIfAbsent(fold(locale.getDisplayCountry(locale)), locale.getCountry());
            }
        }
        Map<String, String> aliases = Map.of(
                "usa", "US",
                "united states of america", "US",
                "america", "US",
                "uk", "GB",
                "great britain", "GB",
                "england", "GB",
                "russian federation", "RU",
                "czech republic", "CZ",
                "holland", "NL");
        aliases.forEach(index::putIfAbsent);
        return Map.copyOf(index);
    }

    private static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace(".", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
