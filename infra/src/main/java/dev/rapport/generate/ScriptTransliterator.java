package dev.rapport.generate;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts names and texts between the scripts and spellings that different systems of one company
 * keep for the same person: Serbian Latin and Cyrillic, Russian Cyrillic and two Latin romanizations,
 * and the ASCII folding that old ERP systems apply.
 */
final class ScriptTransliterator {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Map<Character, String> SERBIAN_LATIN_TO_CYRILLIC = Map.ofEntries(
            Map.entry('a', "а"),
            Map.entry('b', "б"),
            Map.entry('c', "ц"),
            Map.entry('č', "ч"),
            Map.entry('ć', "ћ"),
            Map.entry('d', "д"),
            Map.entry('đ', "ђ"),
            Map.entry('e', "е"),
            Map.entry('f', "ф"),
            Map.entry('g', "г"),
            Map.entry('h', "х"),
            Map.entry('i', "и"),
            Map.entry('j', "ј"),
            Map.entry('k', "к"),
            Map.entry('l', "л"),
            Map.entry('m', "м"),
            Map.entry('n', "н"),
            Map.entry('o', "о"),
            Map.entry('p', "п"),
            Map.entry('r', "р"),
            Map.entry('s', "с"),
            Map.entry('š', "ш"),
            Map.entry('t', "т"),
            Map.entry('u', "у"),
            Map.entry('v', "в"),
            Map.entry('z', "з"),
            Map.entry('ž', "ж"));

    /** Russian romanization close to BGN/PCGN: Dmitriy, Natalya, Yuliya. */
    private static final Map<Character, String> RUSSIAN_BGN = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    /** Russian passports since 2013 (ICAO Doc 9303): Dmitrii, Natalia, Iuliia. */
    private static final Map<Character, String> RUSSIAN_ICAO_OVERRIDES =
            Map.of('й', "i", 'ю', "iu", 'я', "ia", 'ъ', "ie", 'ц', "ts");

    private ScriptTransliterator() {}

    static String serbianToCyrillic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        int i = 0;
        while (i < latin.length()) {
            char c = latin.charAt(i);
            char lower = Character.toLowerCase(c);
            boolean upper = Character.isUpperCase(c);
            char next = i + 1 < latin.length() ? Character.toLowerCase(latin.charAt(i + 1)) : 0;
            String mapped;
            int consumed = 1;
            if (lower == 'l' && next == 'j') {
                mapped = "љ";
                consumed = 2;
            } else if (lower == 'n' && next == 'j') {
                mapped = "њ";
                consumed = 2;
            } else if (lower == 'd' && next == 'ž') {
                mapped = "џ";
                consumed = 2;
            } else {
                mapped = SERBIAN_LATIN_TO_CYRILLIC.get(lower);
            }
            if (mapped == null) {
                out.append(c);
            } else {
                out.append(upper ? mapped.toUpperCase(java.util.Locale.ROOT) : mapped);
            }
            i += consumed;
        }
        return out.toString();
    }

    static String russianToLatin(String cyrillic, boolean icao) {
        StringBuilder out = new StringBuilder(cyrillic.length() + 4);
        for (int i = 0; i < cyrillic.length(); i++) {
            char c = cyrillic.charAt(i);
            char lower = Character.toLowerCase(c);
            String mapped = icao ? RUSSIAN_ICAO_OVERRIDES.get(lower) : null;
            if (mapped == null) {
                mapped = RUSSIAN_BGN.get(lower);
            }
            if (mapped == null) {
                out.append(c);
            } else if (Character.isUpperCase(c) && !mapped.isEmpty()) {
                out.append(Character.toUpperCase(mapped.charAt(0))).append(mapped, 1, mapped.length());
            } else {
                out.append(mapped);
            }
        }
        return out.toString();
    }

    /** What a system without Unicode support makes of a name: Đorđević becomes Djordjevic. */
    static String foldToAscii(String text) {
        String replaced = text.replace("Đ", "Dj")
                .replace("đ", "dj")
                .replace("ß", "ss")
                .replace("Ø", "O")
                .replace("ø", "o");
        return MARKS.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD))
                .replaceAll("");
    }

    /** German umlauts spelled out the way German systems without them do: Müller becomes Mueller. */
    static String germanUmlautsSpelledOut(String text) {
        return text.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue")
                .replace("ß", "ss");
    }

    /** Lower-case ASCII letters and digits only, for email local parts and domains. */
    static String slug(String text) {
        String ascii = foldToAscii(text).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
