package dev.rapport.generate;

import java.util.SplittableRandom;

/**
 * Phone numbers as people and systems write them: the same number as "064 123 4567", "+381 64 1234567"
 * or "0641234567". A number is held as its national significant number (no trunk prefix).
 */
final class PhoneFormatter {

    enum Style {
        LOCAL,
        INTERNATIONAL,
        COMPACT_LOCAL,
        COMPACT_INTERNATIONAL
    }

    private PhoneFormatter() {}

    static String randomMobile(Country country, SplittableRandom random) {
        switch (country) {
            case RS:
                return "6" + "0123459".charAt(random.nextInt(7)) + digits(7, random);
            case US:
                return (201 + random.nextInt(700)) + "" + (200 + random.nextInt(754)) + digits(4, random);
            case GB:
                return "7" + (400 + random.nextInt(600)) + digits(6, random);
            case DE:
                return "15" + "1279".charAt(random.nextInt(4)) + digits(8, random);
            case LT:
                return "6" + digits(7, random);
            case ZA:
                return "8" + (1 + random.nextInt(4)) + digits(7, random);
            case IR:
                return "91" + digits(8, random);
            case RU:
                return "9" + (10 + random.nextInt(90)) + digits(7, random);
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    /** A landline in the first city of the country, shared by a household. */
    static String randomLandline(Country country, SplittableRandom random) {
        switch (country) {
            case RS:
                return "11" + digits(7, random);
            case US:
                return randomMobile(country, random);
            case GB:
                return "20" + "378".charAt(random.nextInt(3)) + digits(7, random);
            case DE:
                return "30" + digits(8, random);
            case LT:
                return "5" + digits(7, random);
            case ZA:
                return "11" + digits(7, random);
            case IR:
                return "21" + digits(8, random);
            case RU:
                return "495" + digits(7, random);
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    static String format(Country country, String nsn, Style style) {
        switch (style) {
            case COMPACT_INTERNATIONAL:
                return "+" + country.callingCode() + nsn;
            case COMPACT_LOCAL:
                return trunk(country) + nsn;
            case LOCAL:
                return local(country, nsn);
            case INTERNATIONAL:
                return international(country, nsn);
        }
        throw new IllegalArgumentException("unknown style " + style);
    }

    private static String trunk(Country country) {
        switch (country) {
            case US:
                return "";
            case LT:
            case RU:
                return "8";
            case RS:
            case GB:
            case DE:
            case ZA:
            case IR:
                return "0";
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    private static String local(Country country, String nsn) {
        switch (country) {
            case RS:
                // 064 123 4567, Belgrade landline 011 2345678
                return nsn.startsWith("11")
                        ? "011 " + nsn.substring(2)
                        : "0" + nsn.substring(0, 2) + " " + nsn.substring(2, 5) + " " + nsn.substring(5);
            case US:
                return "(" + nsn.substring(0, 3) + ") " + nsn.substring(3, 6) + "-" + nsn.substring(6);
            case GB:
                return "0" + nsn.substring(0, 4) + " " + nsn.substring(4);
            case DE:
                return "0" + nsn.substring(0, 3) + " " + nsn.substring(3);
            case LT:
                return "8 " + nsn.substring(0, 3) + " " + nsn.substring(3);
            case ZA:
                return "0" + nsn.substring(0, 2) + " " + nsn.substring(2, 5) + " " + nsn.substring(5);
            case IR:
                return "0" + nsn.substring(0, 3) + " " + nsn.substring(3, 6) + " " + nsn.substring(6);
            case RU:
                return "8 (" + nsn.substring(0, 3) + ") " + nsn.substring(3, 6) + "-" + nsn.substring(6, 8) + "-"
                        + nsn.substring(8);
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    private static String international(Country country, String nsn) {
        String cc = "+" + country.callingCode() + " ";
        switch (country) {
            case RS:
                return cc + nsn.substring(0, 2) + " " + nsn.substring(2);
            case US:
                return cc + nsn.substring(0, 3) + "-" + nsn.substring(3, 6) + "-" + nsn.substring(6);
            case GB:
                return cc + nsn.substring(0, 4) + " " + nsn.substring(4);
            case DE:
                return cc + nsn.substring(0, 3) + " " + nsn.substring(3);
            case LT:
                return cc + nsn.substring(0, 3) + " " + nsn.substring(3);
            case ZA:
                return cc + nsn.substring(0, 2) + " " + nsn.substring(2, 5) + " " + nsn.substring(5);
            case IR:
                return cc + nsn.substring(0, 3) + " " + nsn.substring(3, 6) + " " + nsn.substring(6);
            case RU:
                return cc + nsn.substring(0, 3) + " " + nsn.substring(3, 6) + "-" + nsn.substring(6, 8) + "-"
                        + nsn.substring(8);
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    private static String digits(int count, SplittableRandom random) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }
}
