package dev.rapport.identity.match;

/**
 * How the name guard judged the names of two records a deterministic rule links: the name parts
 * both records have are equal, or only close (a typo, a transliteration variant), or one record has
 * no name to check. Stored as level {@link #code()} of field {@code name} in
 * {@code identity.match_evidence}.
 */
public enum NameCheck {
    EXACT("exact"),
    CLOSE("close"),
    MISSING("missing"),
    /** Names that keep the records apart: never on a link. */
    DIFFERENT("different");

    private final String code;

    NameCheck(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
