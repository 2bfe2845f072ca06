package dev.rapport.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/** Email addresses as people choose them, and the variants the same address takes in other systems. */
final class EmailAddresses {

    private static final String[] TAGS = {"shop", "news", "promo", "orders", "rapport"};
    private static final String[][] DOMAIN_TYPOS = {
        {"gmail.com", "gmial.com"},
        {"gmail.com", "gmail.con"},
        {"yahoo.com", "yaho.com"},
        {"hotmail.com", "hotmial.com"},
        {"outlook.com", "outlok.com"}
    };

    private EmailAddresses() {}

    static String personal(
            Country country, String firstName, String familyName, int birthYear, SplittableRandom random) {
        String first = ScriptTransliterator.slug(NameForms.latin(country, firstName, false));
        String last = ScriptTransliterator.slug(NameForms.latin(country, familyName, false));
        String local;
        switch (random.nextInt(7)) {
            case 0:
                local = first + "." + last;
                break;
            case 1:
                local = first + last;
                break;
            case 2:
                local = first.charAt(0) + "." + last;
                break;
            case 3:
                local = first + "_" + last;
                break;
            case 4:
                local = first + "." + last + String.format(Locale.ROOT, "%02d", birthYear % 100);
                break;
            case 5:
                local = last + "." + first;
                break;
            default:
                local = first + (100 + random.nextInt(900));
                break;
        }
        return local + "@" + country.emailDomain(random);
    }

    /**
     * What a person does when the address they wanted is taken: adds the birth year, then a number that
     * grows with each further attempt ({@code attempt} counts from 1), sometimes at another provider.
     */
    static String alternative(String taken, int birthYear, int attempt, Country country, SplittableRandom random) {
        int at = taken.indexOf('@');
        String local = taken.substring(0, at);
        String domain = taken.substring(at + 1);
        if (attempt == 1) {
            return local + birthYear + "@" + domain;
        }
        if (attempt > 2 && random.nextDouble() < 0.3) {
            domain = country.emailDomain(random);
        }
        int bound = attempt < 4 ? 100 : attempt < 8 ? 1_000 : attempt < 16 ? 10_000 : 1_000_000;
        String separator = random.nextBoolean() ? "" : ".";
        return local + separator + (1 + random.nextInt(bound - 1)) + "@" + domain;
    }

    static String atFirm(String firstName, String lastName, Country country, Firm firm) {
        String first = ScriptTransliterator.slug(NameForms.latin(country, firstName, false));
        String last = ScriptTransliterator.slug(NameForms.latin(country, lastName, false));
        return first.charAt(0) + "." + last + "@" + firm.domain();
    }

    /**
     * The address as another system holds it: Gmail dots moved and +tags added (the same mailbox),
     * capitals, or a typo in the domain (another mailbox, which bounces).
     */
    static String variant(String email, SplittableRandom random) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        double r = random.nextDouble();
        if (domain.equals("gmail.com") && r < 0.45) {
            String undotted = local.replace(".", "");
            if (r < 0.15) {
                return undotted + "@gmail.com";
            } else if (r < 0.25 && undotted.length() > 3) {
                int cut = 1 + random.nextInt(undotted.length() - 2);
                return undotted.substring(0, cut) + "." + undotted.substring(cut) + "@gmail.com";
            } else if (r < 0.30) {
                return local + "@googlemail.com";
            }
            return local + "+" + TAGS[random.nextInt(TAGS.length)] + "@gmail.com";
        }
        if (r < 0.55) {
            return capitalized(local) + "@" + capitalized(domain);
        }
        if (r < 0.62) {
            for (String[] typo : DOMAIN_TYPOS) {
                if (typo[0].equals(domain)) {
                    return local + "@" + typo[1];
                }
            }
        }
        return email;
    }

    static boolean hasDomainTypo(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        for (String[] typo : DOMAIN_TYPOS) {
            if (lower.endsWith("@" + typo[1])) {
                return true;
            }
        }
        return false;
    }

    private static String capitalized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '_';
        }
        return out.toString();
    }
}
