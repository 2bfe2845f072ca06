package dev.rapport.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ways one person's name differs between records, at the rates real exports show them: nicknames,
 * typos, dropped diacritics, another script, swapped first and last name.
 */
final class IdentityTraps {

    static final double NICKNAME_RATE = 0.07;
    static final double TYPO_RATE = 0.03;
    static final double SWAP_RATE = 0.02;

    /** A first and last name as one record holds them. */
    record Name(String first, String last) {}

    private IdentityTraps() {}

    static Name crmName(Person person, boolean older, SplittableRandom random) {
        Country country = person.country();
        String first = maybeNickname(country, person.firstName(), NICKNAME_RATE, random);
        String last = older && person.formerLastName() != null && random.nextDouble() < 0.8
                ? person.formerLastName()
                : person.lastName();
        boolean nativeScript =
                switch (country) {
                    case RS -> random.nextDouble() < 0.12;
                    case RU -> random.nextDouble() < 0.45;
                    case IR -> random.nextDouble() < 0.08;
                    case US, GB, DE, LT, ZA -> false;
                };
        if (nativeScript) {
            first = NameForms.nativeScript(country, first);
            last = NameForms.nativeScript(country, last);
        } else {
            boolean icao = random.nextDouble() < 0.3;
            first = NameForms.latin(country, first, icao);
            last = NameForms.latin(country, last, icao);
            if (random.nextDouble() < 0.10) {
                first = ScriptTransliterator.foldToAscii(first);
                last = ScriptTransliterator.foldToAscii(last);
            }
        }
        return typoAndSwap(first, last, random);
    }

    /** ERP systems keep Latin only, often without diacritics, the surname in capitals. */
    static Name erpName(Person person, SplittableRandom random) {
        Country country = person.country();
        String first = maybeNickname(country, person.firstName(), NICKNAME_RATE / 2, random);
        boolean icao = random.nextDouble() < 0.4;
        first = NameForms.latin(country, first, icao);
        String last = NameForms.latin(country, person.lastName(), icao);
        double ascii = random.nextDouble();
        if (country == Country.DE && ascii < 0.2) {
            first = ScriptTransliterator.germanUmlautsSpelledOut(first);
            last = ScriptTransliterator.germanUmlautsSpelledOut(last);
        } else if (ascii < 0.4) {
            first = ScriptTransliterator.foldToAscii(first);
            last = ScriptTransliterator.foldToAscii(last);
        }
        if (random.nextDouble() < 0.7) {
            last = last.toUpperCase(Locale.ROOT);
        }
        return typoAndSwap(first, last, random);
    }

    private static String maybeNickname(Country country, String canonical, double rate, SplittableRandom random) {
        if (random.nextDouble() >= rate) {
            return canonical;
        }
        String nickname = country.nickname(NameForms.nicknameKey(country, canonical));
        return nickname == null ? canonical : nickname;
    }

    private static Name typoAndSwap(String first, String last, SplittableRandom random) {
        if (random.nextDouble() < TYPO_RATE) {
            if (random.nextBoolean()) {
                first = typo(first, random);
            } else {
                last = typo(last, random);
            }
        }
        return random.nextDouble() < SWAP_RATE ? new Name(last, first) : new Name(first, last);
    }

    /** One keystroke wrong: two letters swapped, one dropped, doubled or replaced by a neighbour. */
    static String typo(String text, SplittableRandom random) {
        if (text.length() < 4) {
            return text;
        }
        int at = 1 + random.nextInt(text.length() - 2);
        StringBuilder out = new StringBuilder(text);
        switch (random.nextInt(4)) {
            case 0:
                char c = out.charAt(at);
                out.setCharAt(at, out.charAt(at + 1));
                out.setCharAt(at + 1, c);
                break;
            case 1:
                out.deleteCharAt(at);
                break;
            case 2:
                out.insert(at, out.charAt(at));
                break;
            default:
                char original = out.charAt(at);
                out.setCharAt(
                        at,
                        Character.isLetter(original) && original < 128
                                ? (char) (original == 'z' ? 'y' : original + 1)
                                : 'e');
                break;
        }
        return out.toString();
    }
}
