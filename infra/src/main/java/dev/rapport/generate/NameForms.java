package dev.rapport.generate;

/**
 * Renders a canonical name in the script a system uses. Canonical names are Serbian Latin, Russian
 * Cyrillic, Iranian "Latin|Persian" pairs, and plain Latin elsewhere.
 */
final class NameForms {

    private NameForms() {}

    static String latin(Country country, String canonical, boolean icaoRomanization) {
        switch (country) {
            case RU:
                return ScriptTransliterator.russianToLatin(canonical, icaoRomanization);
            case IR:
                int bar = canonical.indexOf('|');
                return bar < 0 ? canonical : canonical.substring(0, bar);
            case RS:
            case US:
            case GB:
            case DE:
            case LT:
            case ZA:
                return canonical;
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    /** The name in the country's own script: Serbian and Russian Cyrillic, Persian; Latin elsewhere. */
    static String nativeScript(Country country, String canonical) {
        switch (country) {
            case RS:
                return ScriptTransliterator.serbianToCyrillic(canonical);
            case IR:
                int bar = canonical.indexOf('|');
                return bar < 0 ? canonical : canonical.substring(bar + 1);
            case RU:
            case US:
            case GB:
            case DE:
            case LT:
            case ZA:
                return canonical;
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    /** Key into the country's nickname table: the Latin half of an Iranian pair, else the name itself. */
    static String nicknameKey(Country country, String canonical) {
        return country == Country.IR ? latin(country, canonical, false) : canonical;
    }
}
