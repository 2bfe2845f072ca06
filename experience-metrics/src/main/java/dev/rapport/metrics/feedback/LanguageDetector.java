package dev.rapport.metrics.feedback;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Detects which of the {@link CommentLanguage}s a short comment is written in, for records whose
 * language field is missing or names a language Rapport does not analyse.
 *
 * <p>Script first: Arabic script is Persian; Cyrillic is Serbian when it has a letter only Serbian
 * Cyrillic uses (ђ ј љ њ ћ џ), else Russian. Latin text is scored: two points for each letter only
 * one of the four Latin-script languages uses (Serbian ć đ, Lithuanian ą ę ė į ų ū, Afrikaans ê ë ô
 * î û), one point for each of its common function words; the best score wins, ties go to the
 * earlier language in the order English, Serbian, Afrikaans, Lithuanian. Text with no letter and no
 * word of any list has no language.
 */
public final class LanguageDetector {

    private static final String SERBIAN_CYRILLIC = "ђјљњћџЂЈЉЊЋЏ";
    private static final List<CommentLanguage> LATIN = List.of(
            CommentLanguage.ENGLISH, CommentLanguage.SERBIAN, CommentLanguage.AFRIKAANS, CommentLanguage.LITHUANIAN);
    private static final Map<CommentLanguage, String> LETTERS = Map.of(
            CommentLanguage.SERBIAN, "ćđ",
            CommentLanguage.LITHUANIAN, "ąęėįųū",
            CommentLanguage.AFRIKAANS, "êëôîû");
    private static final Map<CommentLanguage, Set<String>> WORDS = Map.of(
            CommentLanguage.ENGLISH,
            Set.of(
                    "the", "and", "was", "is", "i", "to", "it", "not", "of", "a", "for", "with", "very", "but", "my",
                    "me", "you", "they", "have", "had", "will", "never", "nobody", "nothing", "after", "than"),
            CommentLanguage.SERBIAN,
            Set.of(
                    "je", "i", "nije", "sam", "da", "se", "na", "za", "sa", "mi", "od", "ali", "posle", "niko",
                    "nikada", "bilo", "ništa", "u", "su", "moj", "vas", "kao", "ću", "bi"),
            CommentLanguage.AFRIKAANS,
            Set.of(
                    "die", "het", "nie", "en", "ek", "'n", "te", "vir", "met", "maar", "na", "self", "dit", "nooit",
                    "niemand", "niks", "julle", "sal", "kan", "wees", "as", "op"),
            CommentLanguage.LITHUANIAN,
            Set.of(
                    "ir", "ne", "per", "kad", "taip", "bet", "buvo", "po", "į", "su", "nei", "dar", "mano", "jus",
                    "nieko", "niekas", "kaip", "tikrai", "o", "vis"));

    private LanguageDetector() {}

    public static Optional<CommentLanguage> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int arabic = 0;
        int cyrillic = 0;
        int latin = 0;
        boolean serbianCyrillic = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.ARABIC) {
                arabic++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
                serbianCyrillic |= SERBIAN_CYRILLIC.indexOf(c) >= 0;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (arabic > 0 && arabic >= cyrillic && arabic >= latin) {
            return Optional.of(CommentLanguage.PERSIAN);
        }
        if (cyrillic > 0 && cyrillic >= latin) {
            return Optional.of(serbianCyrillic ? CommentLanguage.SERBIAN : CommentLanguage.RUSSIAN);
        }
        if (latin == 0) {
            return Optional.empty();
        }
        return bestLatin(text.toLowerCase(Locale.ROOT));
    }

    private static Optional<CommentLanguage> bestLatin(String text) {
        Map<CommentLanguage, Integer> scores = new EnumMap<>(CommentLanguage.class);
        for (CommentLanguage language : LATIN) {
            scores.put(language, 0);
        }
        for (Map.Entry<CommentLanguage, String> letters : LETTERS.entrySet()) {
            for (int i = 0; i < text.length(); i++) {
                if (letters.getValue().indexOf(text.charAt(i)) >= 0) {
                    scores.merge(letters.getKey(), 2, Integer::sum);
                }
            }
        }
        for (String word : text.split("[^\\p{L}']+")) {
            for (Map.Entry<CommentLanguage, Set<String>> words : WORDS.entrySet()) {
                if (words.getValue().contains(word)) {
                    scores.merge(words.getKey(), 1, Integer::sum);
                }
            }
        }
        CommentLanguage best = null;
        int bestScore = 0;
        for (CommentLanguage language : LATIN) {
            if (scores.get(language) > bestScore) {
                best = language;
                bestScore = scores.get(language);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The language to analyse a comment in: the record's own tag when it names a supported
     * language, else the one detected from the text.
     */
    public static Optional<CommentLanguage> resolve(String tag, String text) {
        Optional<CommentLanguage> tagged = CommentLanguage.fromTag(tag);
        return tagged.isPresent() ? tagged : detect(text);
    }
}
