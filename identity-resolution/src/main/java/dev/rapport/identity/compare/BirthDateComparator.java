package dev.rapport.identity.compare;

import java.time.LocalDate;

/**
 * Compares dates of birth (days since the epoch): exact; a one-digit typo in YYYYMMDD, two adjacent
 * digits transposed, or day and month swapped (a US and a European source); the same year; different.
 */
public final class BirthDateComparator {

    public int compare(Integer a, Integer b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        LocalDate left = LocalDate.ofEpochDay(a);
        LocalDate right = LocalDate.ofEpochDay(b);
        if (isTypo(digits(left), digits(right)) || isDayMonthSwap(left, right)) {
            return 2;
        }
        return left.getYear() == right.getYear() ? 3 : 4;
    }

    private static boolean isDayMonthSwap(LocalDate a, LocalDate b) {
        return a.getYear() == b.getYear()
                && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
    }

    /** One digit replaced, or two adjacent digits transposed. */
    static boolean isTypo(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (differences == 0) {
                    first = i;
                }
                differences++;
            }
        }
        if (differences == 1) {
            return true;
        }
        return differences == 2
                && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    private static String digits(LocalDate date) {
        return String.format(
                java.util.Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
