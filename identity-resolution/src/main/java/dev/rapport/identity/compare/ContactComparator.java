package dev.rapport.identity.compare;

import java.util.function.Predicate;

/**
 * Compares emails (match keys) and phones (E.164). Emails: exact; the same local part at another
 * domain ("bluefox77@gmail" and "bluefox77@yahoo"); the same local part at another domain, made of
 * the name ("ana.petrovic@gmail" and "ana.petrovic@yahoo", see {@link NameDerivedLocalPart});
 * different. A shared mailbox such as
 * {@code info@} says nothing about a person and counts as missing. Phones: exact; the same last
 * eight digits (a number written with and without its country code where parsing failed); different.
 */
public final class ContactComparator {

    private static final int PHONE_TAIL = 8;

    private final Predicate<String> genericMailbox;

    /** {@code genericMailbox} tells whether a local part is a shared mailbox. */
    public ContactComparator(Predicate<String> genericMailbox) {
        this.genericMailbox = genericMailbox;
    }

    /** {@code names}: the name keys of both records, to tell a local part made of the name. */
    public int email(String a, String b, String... names) {
        if (a == null || b == null) {
            return 0;
        }
        String localA = localPart(a);
        String localB = localPart(b);
        if (localA == null || localB == null || genericMailbox.test(localA) || genericMailbox.test(localB)) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (!localA.equals(localB)) {
            return 4;
        }
        return NameDerivedLocalPart.test(localA, names) ? MatchField.EMAIL_NAME_DERIVED : 2;
    }

    public int phone(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        String digitsA = a.replaceAll("[^0-9]", "");
        String digitsB = b.replaceAll("[^0-9]", "");
        if (digitsA.length() >= PHONE_TAIL
                && digitsB.length() >= PHONE_TAIL
                && digitsA.substring(digitsA.length() - PHONE_TAIL)
                        .equals(digitsB.substring(digitsB.length() - PHONE_TAIL))) {
            return 2;
        }
        return 3;
    }

    private static String localPart(String email) {
        int at = email.lastIndexOf('@');
        return at <= 0 ? null : email.substring(0, at);
    }
}
