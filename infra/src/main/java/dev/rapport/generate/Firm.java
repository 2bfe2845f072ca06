package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * A business customer. Firms are a pure function of (seed, country, slot), so persons generated far
 * apart can work for the same firm, and share its generic mailbox, without any firm being kept in memory.
 */
record Firm(String name, String domain, String genericMailbox) {

    Firm {
        requireNonNull(name, "name is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(genericMailbox, "genericMailbox is null");
    }

    static Firm of(long seed, Country country, long slot) {
        SplittableRandom random =
                new SplittableRandom(RandomStreams.mix(seed ^ 0x5F1A4DL, country.ordinal() * 1_000_003L + slot));
        String family = NameForms.latin(country, country.lastName(false, random), false);
        String[] words = {"Trade", "Tech", "Logistik", "Consulting", "Foods", "Digital", "Bau", "Invest", "Medical"};
        String base = random.nextBoolean() ? family : words[random.nextInt(words.length)] + " " + family;
        String suffix = country.companySuffix(random);
        String name =
                country == Country.LT || country == Country.RU ? suffix + " \"" + base + "\"" : base + " " + suffix;
        String domain = ScriptTransliterator.slug(base) + slot % 97 + "." + country.topLevelDomain();
        String mailbox = (random.nextBoolean() ? "office@" : "info@") + domain;
        return new Firm(name, domain, mailbox);
    }
}
