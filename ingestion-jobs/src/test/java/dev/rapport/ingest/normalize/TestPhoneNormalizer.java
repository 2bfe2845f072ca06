package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPhoneNormalizer {

    private final PhoneNormalizer normalizer = new PhoneNormalizer();

    @Test
    void readsNationalNumbersInTheRegion() {
        assertThat(normalizer.toE164("064 123 4567", "RS")).contains("+381641234567");
    }

    @Test
    void internationalPrefixWinsOverTheRegion() {
        assertThat(normalizer.toE164("+381 64 1234567", "US")).contains("+381641234567");
    }

    @Test
    void nationalNumberWithoutRegionDoesNotParse() {
        assertThat(normalizer.toE164("064 123 4567", null)).isEmpty();
    }

    @Test
    void garbageGivesNoE164() {
        assertThat(normalizer.toE164("call me", "RS")).isEmpty();
        assertThat(normalizer.toE164("12", "RS")).isEmpty();
        assertThat(normalizer.toE164(" ", "RS")).isEmpty();
    }
}
