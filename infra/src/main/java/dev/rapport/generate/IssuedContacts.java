package dev.rapport.generate;

import dev.rapport.ingest.normalize.EmailNormalizer;
import java.util.BitSet;
import java.util.Locale;

/**
 * The personal email addresses and mobile numbers already handed out, so that no two persons get the
 * same mailbox or mobile by chance. A mailbox or a mobile belongs to one person; only the intended
 * traps share one (a household copying its head's address or number, a firm's generic mailbox), and
 * those never ask here.
 *
 * <p>A value is checked in the form the resolver compares: an email by its match key (lower case, Gmail
 * dots and {@code +tags} dropped, googlemail.com read as gmail.com; {@link EmailNormalizer#key}), a
 * mobile as {@code +<calling code><national number>}.
 *
 * <p>Memory is fixed whatever the company size: a Bloom filter of {@value #BITS_LOG2}-bit addressing
 * (32 MiB) with {@value #PROBES} probes per value, sized for about ten million persons (twenty
 * million values, under 1% false positives there, about one in 100,000 at a million persons). A false
 * positive only makes a person take a suffixed address or draw another number they did not need. The
 * size does not depend on the number of persons, so a person's values do not either: the first persons
 * of a large company are the persons of a small one with the same seed.
 */
final class IssuedContacts {

    static final int BITS_LOG2 = 28;
    static final int PROBES = 3;

    private static final EmailNormalizer EMAILS = new EmailNormalizer();

    private final BitSet bits = new BitSet(1 << BITS_LOG2);

    /** Records {@code email} as taken; false when its mailbox (probably) was already taken. */
    boolean claimEmail(String email) {
        return claim(emailKey(email));
    }

    /** Records the mobile as taken; false when it (probably) was already taken. */
    boolean claimMobile(Country country, String nationalNumber) {
        return claim(mobileKey(country, nationalNumber));
    }

    static String emailKey(String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        return EMAILS.isValid(lower) ? EMAILS.key(lower) : lower;
    }

    static String mobileKey(Country country, String nationalNumber) {
        return "+" + country.callingCode() + nationalNumber;
    }

    private boolean claim(String key) {
        long hash = hash(key);
        long first = RandomStreams.mix(hash, 1);
        long step = RandomStreams.mix(hash, 2) | 1;
        boolean taken = true;
        for (int probe = 0; probe < PROBES; probe++) {
            int bit = (int) ((first + probe * step) >>> (64 - BITS_LOG2));
            if (!bits.get(bit)) {
                taken = false;
                bits.set(bit);
            }
        }
        return !taken;
    }

    /** FNV-1a over the characters; {@link RandomStreams#mix} then spreads it over all 64 bits. */
    private static long hash(String key) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001B3L;
        }
        return hash;
    }
}
