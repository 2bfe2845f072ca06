package dev.rapport.identity.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares given and family names (already transliterated and folded to ASCII by ingestion), in
 * both orientations: sources that swap given and family name ("Petrovic Ana") still agree.
 *
 * <p>Given names: exact; close (Jaro-Winkler &gt;= 0.92, the same Double Metaphone code, or
 * nicknames of each other: "bob" and "robert"); initial or similar (an initial that fits, or
 * Jaro-Winkler &gt;= 0.8); different. Family names: exact; close; similar (&gt;= 0.8); different.
 */
public final class NameComparator {

    static final double CLOSE = 0.92;
    static final double SIMILAR = 0.8;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final Map<String, Set<String>> NICKNAMES = loadNicknames();

    /** Levels of one orientation: given name level, family name level, and whether swapped. */
    public record Levels(int given, int family, boolean swapped) {}

    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    public Levels compare(String givenA, String familyA, String givenB, String familyB) {
        Levels straight = new Levels(given(givenA, givenB), family(familyA, familyB), false);
        if (givenA == null || familyA == null || givenB == null || familyB == null) {
            return straight;
        }
        Levels swapped = new Levels(given(givenA, familyB), family(familyA, givenB), true);
        return badness(swapped) < badness(straight) ? swapped : straight;
    }

    public int given(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        // a shared sound alone is too loose for given names ("amelia" and "emily" are both AML):
        // it must start with the same letter ("hugo" and "hogu")
        if (similarity(a, b) >= CLOSE || nicknames(a, b) || (samePhonetic(a, b) && a.charAt(0) == b.charAt(0))) {
            return 2;
        }
        if (isInitialOf(a, b) || isInitialOf(b, a) || similarity(a, b) >= SIMILAR) {
            return 3;
        }
        return 4;
    }

    public int family(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (similarity(a, b) >= CLOSE || samePhonetic(a, b)) {
            return 2;
        }
        return similarity(a, b) >= SIMILAR ? 3 : 4;
    }

    /** The Double Metaphone code of a name, for blocking; null for no name. */
    public String phonetic(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String code = metaphone.doubleMetaphone(name);
        return code == null || code.isEmpty() ? name : code;
    }

    private boolean samePhonetic(String a, String b) {
        return a.length() > 2 && b.length() > 2 && metaphone.isDoubleMetaphoneEqual(a, b);
    }

    private static int badness(Levels levels) {
        return levels.given() + levels.family();
    }

    private static double similarity(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    private static boolean isInitialOf(String initial, String name) {
        return initial.length() == 1 && name.charAt(0) == initial.charAt(0);
    }

    static boolean nicknames(String a, String b) {
        Set<String> ofA = NICKNAMES.get(a);
        return ofA != null && ofA.contains(b);
    }

    /** Each line of the resource is one group of names used for the same person. */
    private static Map<String, Set<String>> loadNicknames() {
        Map<String, Set<String>> nicknames = new HashMap<>();
        try (InputStream in = NameComparator.class.getResourceAsStream("nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("nicknames.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] group = trimmed.split("\\s*,\\s*");
                for (String name : group) {
                    Set<String> others = nicknames.computeIfAbsent(name, key -> new HashSet<>());
                    for (String other : group) {
                        if (!other.equals(name)) {
                            others.add(other);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nicknames;
    }
}
