package dev.rapport.identity.compare;

import java.io.Serializable;
import java.util.function.Predicate;

/**
 * Compares two records field by field into a {@link Comparison}: one level per {@link MatchField}
 * and the over-merge guard.
 *
 * <p>The guard keeps apart people who share a household, a mailbox or a name: two records whose
 * given names clearly differ, or whose national ids clearly differ (two exclusive identifiers in
 * conflict), are never linked by probability, however much else agrees, unless their national ids
 * agree exactly (a source that wrote a nickname still carries the same national id). Clearly
 * different birth dates are judged later, with the model (see
 * {@link dev.rapport.identity.score.ConflictingFieldsRule}): they veto a link unless the other
 * fields are overwhelming.
 */
public final class RecordComparator implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Must be serializable because the operators holding this comparator are. */
    public interface MailboxRule extends Predicate<String>, Serializable {}

    private final MailboxRule genericMailbox;

    private transient NameComparator names;
    private transient BirthDateComparator birthDates;
    private transient EditDistanceComparator edits;
    private transient SimilarityComparator cities;
    private transient SimilarityComparator streets;
    private transient ContactComparator contacts;

    public RecordComparator(MailboxRule genericMailbox) {
        this.genericMailbox = genericMailbox;
    }

    public Comparison compare(MatchRecord a, MatchRecord b) {
        init();
        byte[] levels = new byte[MatchField.values().length];
        NameComparator.Levels name = names.compare(a.givenName, a.familyName, b.givenName, b.familyName);
        levels[MatchField.GIVEN_NAME.ordinal()] = (byte) name.given();
        levels[MatchField.FAMILY_NAME.ordinal()] = (byte) name.family();
        levels[MatchField.BIRTH_DATE.ordinal()] = (byte) birthDates.compare(a.birthDate, b.birthDate);
        levels[MatchField.NATIONAL_ID.ordinal()] = (byte) edits.compare(a.nationalId, b.nationalId);
        levels[MatchField.EMAIL.ordinal()] =
                (byte) contacts.email(a.email, b.email, a.givenName, a.familyName, b.givenName, b.familyName);
        levels[MatchField.PHONE.ordinal()] = (byte) contacts.phone(a.phone, b.phone);
        levels[MatchField.POSTCODE.ordinal()] = (byte) edits.compare(a.postcode, b.postcode);
        levels[MatchField.CITY.ordinal()] = (byte) cities.compare(a.city, b.city);
        levels[MatchField.STREET.ordinal()] = (byte) streets.compare(a.street, b.street);
        return new Comparison(levels, guarded(levels, name.swapped()));
    }

    /**
     * Whether the guard forbids a probabilistic link whatever the evidence. With the names compared
     * swapped, either name level may hold the two given names ("Vukovic Dusan" against "Ivana
     * Vukovic": the family names agree, "dusan" and "ivana" differ), so either one clearly differing
     * counts as given names that differ.
     */
    static boolean guarded(byte[] levels, boolean swapped) {
        boolean sameNationalId = levels[MatchField.NATIONAL_ID.ordinal()] == 1;

        boolean givenNamesDiffer = levels[MatchField.GIVEN_NAME.ordinal()] == MatchField.GIVEN_NAME.differentLevel()
                || (swapped && levels[MatchField.FAMILY_NAME.ordinal()] == MatchField.FAMILY_NAME.differentLevel());
        return !sameNationalId && givenNamesDiffer;
    }

    /** The phonetic code of a name for blocking. */
    public String phonetic(String name) {
        init();
        return names.phonetic(name);
    }

    private void init() {
        if (names == null) {
            names = new NameComparator();
            birthDates = new BirthDateComparator();
            edits = new EditDistanceComparator();
            cities = new SimilarityComparator(0.9);
            streets = new SimilarityComparator(0.88);
            contacts = new ContactComparator(genericMailbox);
        }
    }
}
