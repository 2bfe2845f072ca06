package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPostcodeNormalizer {

    @Test
    void keepsLettersAndDigitsUpperCase() {
        PostcodeNormalizer normalizer = new PostcodeNormalizer();
        assertThat(normalizer.key("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(normalizer.key("11000")).isEqualTo("11000");
        assertThat(normalizer.key("02-677")).isEqualTo("02677");
        assertThat(normalizer.key(" - ")).isNull();
    }
}
