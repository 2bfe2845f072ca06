package dev.rapport.identity.compare;

import dev.rapport.identity.record.ResolutionRecord;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The comparable view of a record: folded keys only, so probabilistic matching carries a few
 * short strings per record. A Flink POJO.
 */
public class MatchRecord {

    public String recordId;
    public String givenName;
    public String familyName;
    /** Days since the epoch. */
    public Integer birthDate;

    public String nationalId;
    public String email;
    public String phone;
    public String postcode;
    public String city;
    public String street;

    /** How many records have this given name, and this family name (0: not counted). */
    public int givenNameCount;

    public int familyNameCount;

    public MatchRecord() {}

    public static MatchRecord of(ResolutionRecord record) {
        MatchRecord match = new MatchRecord();
        match.recordId = Objects.requireNonNull(record.recordId, "recordId is null");
        match.givenName = blankToNull(record.firstNameKey);
        match.familyName = blankToNull(record.lastNameKey);
        match.birthDate = record.birthDate;
        match.nationalId = identifier(record.nationalId);
        match.email = blankToNull(record.emailKey);
        match.phone = blankToNull(record.phoneE164);
        match.postcode = blankToNull(record.postcodeKey);
        match.city = fold(record.city);
        match.street = fold(record.street);
        return match;
    }

    /** Lower-case ASCII letters, digits and single spaces: "Beograd " and "beograd" agree. */
    static String fold(String value) {
        if (value == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String folded = decomposed
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .trim();
        return folded.isEmpty() ? null : folded;
    }

    /** An identifier's key: upper-case letters and digits only ("123-45 678" is "12345678"); null when none is left. */
    public static String identifier(String value) {
        if (value == null) {
            return null;
        }
        String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return key.isEmpty() ? null : key;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchRecord that
                && Objects.equals(recordId, that.recordId)
                && Objects.equals(givenName, that.givenName)
                && Objects.equals(familyName, that.familyName)
                && Objects.equals(birthDate, that.birthDate)
                && Objects.equals(nationalId, that.nationalId)
                && Objects.equals(email, that.email)
                && Objects.equals(phone, that.phone)
                && Objects.equals(postcode, that.postcode)
                && Objects.equals(city, that.city)
                && Objects.equals(street, that.street)
                && givenNameCount == that.givenNameCount
                && familyNameCount == that.familyNameCount;
    }

    @Override
    public int hashCode() {
        return recordId == null ? 0 : recordId.hashCode();
    }

    /** The id only: the other fields are personal data. */
    @Override
    public String toString() {
        return "MatchRecord{" + recordId + "}";
    }
}
