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
}
