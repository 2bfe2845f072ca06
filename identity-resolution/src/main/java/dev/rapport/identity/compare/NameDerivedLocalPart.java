package dev.rapport.identity.compare;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Whether an email's local part is made from its owner's name: its letters (separators and digits
 * removed) are name keys and initials one after the other, in any order, such as "n.kostic",
 * "petrovic.milica", "nenadkostic85" or "nenad123". Two namesakes often choose such an address at
 * different providers, so the same local part then repeats the name's agreement rather than adding
 * evidence of its own; "bluefox77" is not made from a name and still counts.
 *
 * <p>Names arrive as folded ASCII keys, while people transliterate their own name in their address
 * ("djordjevic" for the key "dordevic"), so a name part also fits a few edits away: one edit per
 * {@link #LETTERS_PER_EDIT} letters of the name.
 */
public final class NameDerivedLocalPart {

    static final int LETTERS_PER_EDIT = 4;
    private static final int MAX_PARTS = 3;

    private NameDerivedLocalPart() {}

    /** Whether {@code localPart} is made of {@code names} (name keys; nulls are ignored) and their initials. */
    public static boolean test(String localPart, String... names) {
        if (localPart == null) {
            return false;
        }
        String letters = letters(localPart);
        if (letters.isEmpty()) {
            return false;
        }
        boolean anyName = false;
        for (String name : names) {
            anyName |= name != null && !name.isEmpty();
        }
        return anyName && fits(letters, 0, 0, names);
    }

    /** Whether letters from {@code start} on are at most {@code MAX_PARTS - parts} name parts. */
    private static boolean fits(String letters, int start, int parts, String[] names) {
        if (start == letters.length()) {
            return parts > 0;
        }
        if (parts == MAX_PARTS) {
            return false;
        }
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                continue;
            }
            if (letters.charAt(start) == name.charAt(0) && fits(letters, start + 1, parts + 1, names)) {
                return true;
            }
            if (letters.startsWith(name, start) && fits(letters, start + name.length(), parts + 1, names)) {
                return true;
            }
            int edits = name.length() / LETTERS_PER_EDIT;
            if (edits > 0) {
                LevenshteinDistance distance = new LevenshteinDistance(edits);
                for (int length = name.length() - edits; length <= name.length() + edits; length++) {
                    int end = start + length;
                    if (end <= letters.length()
                            && distance.apply(letters.substring(start, end), name) >= 0
                            && fits(letters, end, parts + 1, names)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Lower-case ASCII letters only: separators, digits and +tags' punctuation go. */
    private static String letters(String localPart) {
        int plus = localPart.indexOf('+');
        String untagged = plus > 0 ? localPart.substring(0, plus) : localPart;
        StringBuilder letters = new StringBuilder(untagged.length());
        for (int i = 0; i < untagged.length(); i++) {
            char c = Character.toLowerCase(untagged.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
