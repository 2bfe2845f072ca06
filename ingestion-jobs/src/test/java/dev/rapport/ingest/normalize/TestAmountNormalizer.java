package dev.rapport.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TestAmountNormalizer {

    private final AmountNormalizer normalizer = new AmountNormalizer();

    @Test
    void amountsBecomeTwoDecimals() throws RecordException {
        assertThat(normalizer.amount("amount", "12")).isEqualTo(new BigDecimal("12.00"));
        assertThat(normalizer.amount("amount", "12,5")).isEqualTo(new BigDecimal("12.50"));
        assertThat(normalizer.amount("amount", "1,234.565")).isEqualTo(new BigDecimal("1234.57"));
        assertThat(normalizer.amount("amount", "1.234,5")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(normalizer.amount("amount", "-3.1")).isEqualTo(new BigDecimal("-3.10"));
    }

    @Test
    void nonNumbersAndHugeNumbersAreErrors() {
        assertThatThrownBy(() -> normalizer.amount("amount", "ten"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NUMBER));
        assertThatThrownBy(() -> normalizer.amount("amount", "12345678901234567"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NUMBER));
    }

    @Test
    void currenciesAreUpperCaseIso4217() throws RecordException {
        assertThat(normalizer.currency("currency", " rsd ")).isEqualTo("RSD");
        assertThatThrownBy(() -> normalizer.currency("currency", "dinars"))
                .isInstanceOfSatisfying(
                        RecordException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURRENCY));
    }
}
