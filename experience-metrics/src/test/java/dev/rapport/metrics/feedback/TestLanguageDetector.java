package dev.rapport.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestLanguageDetector {

    @Test
    void detectsEachLanguageFromItsText() {
        assertThat(LanguageDetector.detect("The package arrived a week late and nobody told me why."))
                .contains(CommentLanguage.ENGLISH);
        assertThat(LanguageDetector.detect("Paket je stigao nedelju dana kasnije i niko mi nije javio zašto."))
                .contains(CommentLanguage.SERBIAN);
        assertThat(LanguageDetector.detect("Пакет је стигао недељу дана касније."))
                .contains(CommentLanguage.SERBIAN);
        assertThat(LanguageDetector.detect("Посылка пришла на неделю позже.")).contains(CommentLanguage.RUSSIAN);
        assertThat(LanguageDetector.detect("بسته یک هفته دیرتر رسید.")).contains(CommentLanguage.PERSIAN);
        assertThat(LanguageDetector.detect("Die pakkie het 'n week laat aangekom en niemand het gesê hoekom nie."))
                .contains(CommentLanguage.AFRIKAANS);
        assertThat(LanguageDetector.detect("Siunta atkeliavo savaite vėliau ir niekas nepaaiškino kodėl."))
                .contains(CommentLanguage.LITHUANIAN);
    }

    @Test
    void textWithoutLettersOrKnownWordsHasNoLanguage() {
        assertThat(LanguageDetector.detect("12345 !!!")).isEmpty();
        assertThat(LanguageDetector.detect("  ")).isEmpty();
        assertThat(LanguageDetector.detect(null)).isEmpty();
        assertThat(LanguageDetector.detect("Zzyzx qwrt")).isEmpty();
    }

    @Test
    void theRecordsTagWinsOverTheTextWhenSupported() {
        assertThat(CommentLanguage.fromTag("sr-Cyrl")).contains(CommentLanguage.SERBIAN);
        assertThat(CommentLanguage.fromTag("RU")).contains(CommentLanguage.RUSSIAN);
        assertThat(CommentLanguage.fromTag("lt_LT")).contains(CommentLanguage.LITHUANIAN);
        assertThat(CommentLanguage.fromTag("de")).isEmpty();
        assertThat(LanguageDetector.resolve("af", "The package arrived late.")).contains(CommentLanguage.AFRIKAANS);
        assertThat(LanguageDetector.resolve("de", "The package arrived late and it was not ok."))
                .contains(CommentLanguage.ENGLISH);
        assertThat(LanguageDetector.resolve(null, "Посылка пришла поздно."))
                .isEqualTo(Optional.of(CommentLanguage.RUSSIAN));
    }
}
