package dev.rapport.generate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** The Serbian personal number: birth date, region, serial (by sex) and a mod-11 check digit. */
final class Jmbg {

    private static final int[] WEIGHTS = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Jmbg() {}

    static String of(LocalDate birthDate, boolean female, SplittableRandom random) {
        String body = String.format(
                Locale.ROOT,
                "%02d%02d%03d%02d%03d",
                birthDate.getDayOfMonth(),
                birthDate.getMonthValue(),
                birthDate.getYear() % 1000,
                71 + random.nextInt(9),
                (female ? 500 : 0) + random.nextInt(500));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += WEIGHTS[i] * (body.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        return body + (check > 9 ? 0 : check);
    }
}
