package dev.rapport.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestScriptTransliterator {

    @Test
    void serbianLatinBecomesCyrillicIncludingDigraphs() {
        assertThat(ScriptTransliterator.serbianToCyrillic("Petrović")).isEqualTo("Петровић");
        assertThat(ScriptTransliterator.serbianToCyrillic("Ljiljana Đorđević")).isEqualTo("Љиљана Ђорђевић");
        assertThat(ScriptTransliterator.serbianToCyrillic("Njegoševa, Džamija")).isEqualTo("Његошева, Џамија");
    }

    @Test
    void russianHasTwoRomanizations() {
        assertThat(ScriptTransliterator.russianToLatin("Дмитрий Соловьёв", false))
                .isEqualTo("Dmitriy Solovev");
        assertThat(ScriptTransliterator.russianToLatin("Дмитрий", true)).isEqualTo("Dmitrii");
        assertThat(ScriptTransliterator.russianToLatin("Юлия", false)).isEqualTo("Yuliya");
        assertThat(ScriptTransliterator.russianToLatin("Юлия", true)).isEqualTo("Iuliia");
    }

    @Test
    void foldingDropsDiacritics() {
        assertThat(ScriptTransliterator.foldToAscii("Đorđević Šarić")).isEqualTo("Djordjevic Saric");
        assertThat(ScriptTransliterator.foldToAscii("Kazlauskaitė")).isEqualTo("Kazlauskaite");
        assertThat(ScriptTransliterator.germanUmlautsSpelledOut("Müller Weiß")).isEqualTo("Mueller Weiss");
    }

    @Test
    void lithuanianSurnamesChangeWithMarriage() {
        assertThat(FamilyNames.femaleForm(Country.LT, "Kazlauskas", false)).isEqualTo("Kazlauskaitė");
        assertThat(FamilyNames.femaleForm(Country.LT, "Kazlauskas", true)).isEqualTo("Kazlauskienė");
        assertThat(FamilyNames.femaleForm(Country.LT, "Stankevičius", true)).isEqualTo("Stankevičienė");
        assertThat(FamilyNames.femaleForm(Country.RU, "Иванов", true)).isEqualTo("Иванова");
    }

    @Test
    void phonesHaveLocalAndInternationalForms() {
        assertThat(PhoneFormatter.format(Country.RS, "641234567", PhoneFormatter.Style.LOCAL))
                .isEqualTo("064 123 4567");
        assertThat(PhoneFormatter.format(Country.RS, "641234567", PhoneFormatter.Style.INTERNATIONAL))
                .isEqualTo("+381 64 1234567");
        assertThat(PhoneFormatter.format(Country.RU, "9123456789", PhoneFormatter.Style.LOCAL))
                .isEqualTo("8 (912) 345-67-89");
        assertThat(PhoneFormatter.format(Country.US, "2125550134", PhoneFormatter.Style.COMPACT_INTERNATIONAL))
                .isEqualTo("+12125550134");
    }

    @Test
    void jmbgCarriesBirthDateAndAValidCheckDigit() {
        String jmbg = Jmbg.of(LocalDate.of(1985, 3, 7), true, new SplittableRandom(1));
        assertThat(jmbg).hasSize(13).startsWith("0703985");
        int[] weights = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += weights[i] * (jmbg.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        assertThat(jmbg.charAt(12) - '0').isEqualTo(check > 9 ? 0 : check);
    }

    @Test
    void salesforceIdsHaveEighteenCharactersAndACaseChecksum() {
        IdSequences ids = new IdSequences();
        String first = ids.nextContactId();
        assertThat(first).hasSize(18).startsWith("003");
        assertThat(ids.nextContactId()).isNotEqualTo(first);
    }
}
