package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestCountryNormalizer {

    private final CountryNormalizer normalizer = new CountryNormalizer();

    @Test
    void acceptsCodesAndNames() {
        assertThat(normalizer.normalize("rs")).contains("RS");
        assertThat(normalizer.normalize("SRB")).contains("RS");
        assertThat(normalizer.normalize("Serbia")).contains("RS");
        assertThat(normalizer.normalize("United States")).contains("US");
        assertThat(normalizer.normalize("U.S.A.")).contains("US");
        assertThat(normalizer.normalize("  united   kingdom ")).contains("GB");
        assertThat(normalizer.normalize("Deutschland")).contains("DE");
    }

    @Test
    void unknownCountryIsEmpty() {
        assertThat(normalizer.normalize("Narnia")).isEmpty();
        assertThat(normalizer.normalize("")).isEmpty();
    }
}
