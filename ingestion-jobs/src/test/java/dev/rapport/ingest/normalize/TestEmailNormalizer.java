package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestEmailNormalizer {

    private final EmailNormalizer normalizer = new EmailNormalizer();

    @Test
    void trimsAndLowerCases() {
        assertThat(normalizer.normalize("  Ana.Petrovic@Example.COM ")).contains("ana.petrovic@example.com");
    }

    @Test
    void rejectsInvalidAddresses() {
        assertThat(normalizer.normalize("not-an-email")).isEmpty();
        assertThat(normalizer.normalize("a@b")).isEmpty();
        assertThat(normalizer.normalize("a@@example.com")).isEmpty();
        assertThat(normalizer.normalize("a b@example.com")).isEmpty();
        assertThat(normalizer.normalize(".a@example.com")).isEmpty();
        assertThat(normalizer.normalize("a..b@example.com")).isEmpty();
        assertThat(normalizer.normalize(null)).isEmpty();
    }

    @Test
    void gmailKeyDropsDotsAndTagsAndFoldsGooglemail() {
        assertThat(normalizer.key("ana.p+news@gmail.com")).isEqualTo("anap@gmail.com");
        assertThat(normalizer.key("a.n.a.p@googlemail.com")).isEqualTo("anap@gmail.com");
    }

    @Test
    void commonProvidersDropTagsButKeepDots() {
        assertThat(normalizer.key("ana.p+shop@outlook.com")).isEqualTo("ana.p@outlook.com");
    }

    @Test
    void otherDomainsKeepTheAddress() {
        assertThat(normalizer.key("ana.p+x@example.com")).isEqualTo("ana.p+x@example.com");
    }
}
