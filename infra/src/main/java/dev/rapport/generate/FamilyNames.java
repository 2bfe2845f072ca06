package dev.rapport.generate;

/** Surnames whose form depends on the bearer: Russian Ivanova, Lithuanian Kazlauskienė and Kazlauskaitė. */
final class FamilyNames {

    private FamilyNames() {}

    /**
     * The female form of a male surname. Lithuanian has two: the married form (-ienė) and the maiden
     * form (-aitė, -ytė, -ūtė), so a Lithuanian woman's surname changes on marriage even within a family.
     */
    static String femaleForm(Country country, String maleSurname, boolean married) {
        switch (country) {
            case RU:
                return maleSurname + "а";
            case LT:
                if (maleSurname.endsWith("ius")) {
                    String stem = maleSurname.substring(0, maleSurname.length() - 3);
                    return stem + (married ? "ienė" : "iūtė");
                }
                if (maleSurname.endsWith("us")) {
                    String stem = maleSurname.substring(0, maleSurname.length() - 2);
                    return stem + (married ? "uvienė" : "utė");
                }
                if (maleSurname.endsWith("as")) {
                    String stem = maleSurname.substring(0, maleSurname.length() - 2);
                    return stem + (married ? "ienė" : "aitė");
                }
                return maleSurname;
            case RS:
            case US:
            case GB:
            case DE:
            case ZA:
            case IR:
                return maleSurname;
        }
        throw new IllegalArgumentException("unknown country " + country);
    }
}
