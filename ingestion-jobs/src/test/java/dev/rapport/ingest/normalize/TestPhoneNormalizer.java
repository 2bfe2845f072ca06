package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
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

    @Test
    void aNumberOfAnotherRegionOfTheSameCallingCodeIsStillValid() {
        // +1: a Toronto number in a record from the US, a US one in a record from Canada
        assertThat(normalizer.toE164("416 979 1234", "US")).contains("+14169791234");
        assertThat(normalizer.toE164("(212) 736-5000", "CA")).contains("+12127365000");
        assertThat(normalizer.toE164("8 914 751 51 65", "KZ")).contains("+79147515165");
        assertThat(normalizer.toE164("+1 999 555 0000", "US")).isEmpty();
    }

    @Test
    void validityIsLibphonenumbersWhicheverRegionIsAskedFirst() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String raw : List.of(
                "+1 212 736 5000",
                "+1 416 979 1234",
                "+1 268 460 1234",
                "+1 999 555 0000",
                "+7 914 751 51 65",
                "+7 701 123 4567",
                "+7 000 000 00 00",
                "+381 64 1234567",
                "+381 11 1234",
                "+44 20 7946 0958",
                "+49 30 901820")) {
            for (String region : List.of("US", "CA", "AG", "RU", "KZ", "RS", "GB", "DE")) {
                boolean expected;
                try {
                    expected = util.isValidNumber(util.parse(raw, region));
                } catch (NumberParseException e) {
                    expected = false;
                }
                assertThat(normalizer.toE164(raw, region).isPresent())
                        .as("%s in %s", raw, region)
                        .isEqualTo(expected);
            }
        }
    }
}
