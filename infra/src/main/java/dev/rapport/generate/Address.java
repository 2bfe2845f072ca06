package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.SplittableRandom;

/** A postal address as the person gives it; Russian addresses are kept in Cyrillic. */
record Address(String street, String line2, String city, String postcode, String region) {

    Address {
        requireNonNull(street, "street is null");
        requireNonNull(line2, "line2 is null");
        requireNonNull(city, "city is null");
        requireNonNull(postcode, "postcode is null");
        requireNonNull(region, "region is null");
    }

    static Address random(Country country, SplittableRandom random) {
        return inCity(country, country.city(random), random);
    }

    /** An address in another city than the one given, for namesakes and people who move away. */
    static Address elsewhere(Country country, String notInCity, SplittableRandom random) {
        String[] city = country.city(random);
        for (int attempt = 0; attempt < 8 && city[0].equals(notInCity); attempt++) {
            city = country.city(random);
        }
        return inCity(country, city, random);
    }

    private static Address inCity(Country country, String[] city, SplittableRandom random) {
        String streetName = country.street(random);
        int number = 1 + random.nextInt(random.nextDouble() < 0.8 ? 60 : 240);
        String line2 = "";
        String street;
        String postcode;
        switch (country) {
            case RS:
                street = streetName + " " + number + (random.nextDouble() < 0.25 ? "/" + (1 + random.nextInt(30)) : "");
                postcode = city[1];
                break;
            case US:
                street = number * 10 + random.nextInt(10) + " " + streetName;
                line2 = random.nextDouble() < 0.15
                        ? "Apt " + (1 + random.nextInt(20)) + (char) ('A' + random.nextInt(6))
                        : "";
                postcode = String.format(Locale.ROOT, "%05d", Integer.parseInt(city[1]) + random.nextInt(12));
                break;
            case GB:
                street = number + " " + streetName;
                postcode = city[1] + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26));
                break;
            case DE:
                street = streetName + " " + number + (random.nextDouble() < 0.1 ? "a" : "");
                postcode = String.format(Locale.ROOT, "%05d", Integer.parseInt(city[1]) + random.nextInt(40));
                break;
            case LT:
                street = streetName + " " + number + (random.nextDouble() < 0.5 ? "-" + (1 + random.nextInt(80)) : "");
                postcode = "LT-" + String.format(Locale.ROOT, "%05d", Integer.parseInt(city[1]) + random.nextInt(50));
                break;
            case ZA:
                street = number + " " + streetName;
                postcode = city[1];
                break;
            case IR:
                street = streetName + ", No. " + number;
                postcode = city[1] + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
                break;
            case RU:
                street = streetName + ", д. " + number
                        + (random.nextDouble() < 0.7 ? ", кв. " + (1 + random.nextInt(200)) : "");
                postcode = String.valueOf(Integer.parseInt(city[1]) + random.nextInt(100));
                break;
            default:
                throw new IllegalArgumentException("unknown country " + country);
        }
        return new Address(street, line2, city[0], postcode, city[2]);
    }
}
