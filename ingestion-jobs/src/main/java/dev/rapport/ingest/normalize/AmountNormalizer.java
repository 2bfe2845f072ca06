package dev.rapport.ingest.normalize;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * Money: amounts to decimal(18,2) (half-up), currencies to upper-case ISO 4217. A decimal comma is
 * accepted ({@code 12,50}); when both separators appear, the last one is the decimal separator.
 */
public final class AmountNormalizer {

    private static final int PRECISION = 18;
    private static final int SCALE = 2;

    public BigDecimal amount(String field, String raw) throws RecordException {
        String text = raw.strip().replace(" ", "").replace("\u00a0", "");
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            text = comma > dot ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        } else if (comma >= 0) {
            text = text.replace(',', '.');
        }
        try {
            BigDecimal amount = new BigDecimal(text).setScale(SCALE, RoundingMode.HALF_UP);
            if (amount.precision() > PRECISION) {
                throw new RecordException(
                        ErrorCode.INVALID_NUMBER, field, field + " has more than 16 digits before the decimal point");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new RecordException(ErrorCode.INVALID_NUMBER, field, field + " is not a number");
        }
    }

    public String currency(String field, String raw) throws RecordException {
        String code = raw.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new RecordException(
                    ErrorCode.INVALID_CURRENCY, field, field + " is not an ISO 4217 currency code (e.g. EUR, RSD)");
        }
    }
}
