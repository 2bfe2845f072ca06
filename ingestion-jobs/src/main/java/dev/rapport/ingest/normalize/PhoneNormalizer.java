package dev.rapport.ingest.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phones to E.164 with libphonenumber. A number without a country prefix is read in the record's
 * country (or the source's default). A phone that does not parse is not an error: the raw value is
 * kept and only the E.164 form stays empty.
 */
public final class PhoneNormalizer {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    public Optional<String> toE164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw.strip(), region == null ? "ZZ" : region);
            if (!isValid(number, region)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException unparseable) {
            return Optional.empty();
        }
    }

    /**
     * {@link PhoneNumberUtil#isValidNumber}, asking the record's region first: for a calling code
     * that many regions share (+1 has 25, +7 two), {@code isValidNumber} finds the number's region
     * by testing them one by one, which cost a sixth of this class's time on North American
     * numbers. A number not valid there is still valid if another region of its code takes it.
     */
    private boolean isValid(PhoneNumber number, String region) {
        if (region != null
                && number.getCountryCode() == util.getCountryCodeForRegion(region)
                && util.isValidNumberForRegion(number, region)) {
            return true;
        }
        return util.isValidNumber(number);
    }
}
