package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The true identity behind a set of source records: what the ground truth calls person_id.
 *
 * @param familyName the male form of the family name, from which the person's own form follows
 * @param formerLastName the surname before marriage, or null
 * @param previousAddress where the person lived before moving, or null
 * @param firm the firm the person buys for, or null for a private customer
 */
record Person(
        long index,
        String personId,
        Country country,
        boolean female,
        String firstName,
        String lastName,
        String familyName,
        String formerLastName,
        LocalDate birthDate,
        String email,
        String phoneNsn,
        Address address,
        Address previousAddress,
        Firm firm) {

    Person {
        requireNonNull(personId, "personId is null");
        requireNonNull(country, "country is null");
        requireNonNull(firstName, "firstName is null");
        requireNonNull(lastName, "lastName is null");
        requireNonNull(familyName, "familyName is null");
        requireNonNull(birthDate, "birthDate is null");
        requireNonNull(email, "email is null");
        requireNonNull(phoneNsn, "phoneNsn is null");
        requireNonNull(address, "address is null");
    }

    static String personId(long index) {
        return String.format(java.util.Locale.ROOT, "P%07d", index + 1);
    }
}
