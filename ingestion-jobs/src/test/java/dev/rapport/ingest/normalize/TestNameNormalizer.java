package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNameNormalizer {

    private final NameNormalizer normalizer = new NameNormalizer();

    @Test
    void cleanComposesAndCollapsesWhitespace() {
        // "c" followed by a combining caron becomes the single character č
        assertThat(normalizer.clean("  Petrovic\u030C \t  Ana ")).isEqualTo("Petrovič Ana");
        assertThat(normalizer.clean("   ")).isNull();
        assertThat(normalizer.clean(null)).isNull();
    }

    @Test
    void cyrillicAndLatinScriptsShareTheKey() {
        assertThat(normalizer.key("Петровић")).isEqualTo("petrovic");
        assertThat(normalizer.key("Petrović")).isEqualTo("petrovic");
        assertThat(normalizer.key("PETROVIC")).isEqualTo("petrovic");
    }

    @Test
    void keyKeepsLettersOnly() {
        assertThat(normalizer.key("O'Brien-Smith")).isEqualTo("obriensmith");
        assertThat(normalizer.key("Müller")).isEqualTo("muller");
        assertThat(normalizer.key("42")).isNull();
    }

    @Test
    void repeatedAndAsciiNamesGetTheSameKeysAsTheFirstTime() {
        // The ASCII shortcut and the cache of transliterations must not change a key.
        for (int round = 0; round < 3; round++) {
            assertThat(normalizer.key("Илић")).isEqualTo("ilic");
            assertThat(normalizer.key("ILIĆ")).isEqualTo("ilic");
            assertThat(normalizer.key("Mac Donald")).isEqualTo("macdonald");
            assertThat(normalizer.key("Παπαδόπουλος")).isEqualTo("papadopoulos");
        }
        assertThat(normalizer.clean("Ana  Marija")).isEqualTo("Ana Marija");
        assertThat(normalizer.clean(" Ana Marija ")).isEqualTo("Ana Marija");
        assertThat(normalizer.clean("Ana\tMarija")).isEqualTo("Ana Marija");
    }
}
