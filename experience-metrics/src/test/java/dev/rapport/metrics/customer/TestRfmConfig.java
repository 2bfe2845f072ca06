package dev.rapport.metrics.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.schemas.config.InvalidConfigException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRfmConfig {

    @Test
    void defaults() {
        RfmConfig config = RfmConfig.fromMap(null, "metrics.rfm");

        assertThat(config).isEqualTo(RfmConfig.defaults());
        assertThat(config.lookbackDays()).isEqualTo(365);
        assertThat(config.currency()).isEqualTo("EUR");
        assertThat(config.exchangeRates()).isEmpty();
    }

    @Test
    void explicitSettings() {
        RfmConfig config = RfmConfig.fromMap(
                Map.of("lookback_days", 180, "currency", "USD", "exchange_rates", Map.of("EUR", 1.08, "GBP", "1.27")),
                "metrics.rfm");

        assertThat(config.lookbackDays()).isEqualTo(180);
        assertThat(config.currency()).isEqualTo("USD");
        assertThat(config.exchangeRates())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27")));
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> RfmConfig.fromMap(Map.of("lookback", 30), "metrics.rfm"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.rfm.lookback: unknown setting; known settings are currency, exchange_rates,"
                        + " lookback_days");
        assertThatThrownBy(() -> RfmConfig.fromMap(Map.of("lookback_days", 0), "metrics.rfm"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.rfm.lookback_days: '0' must be a whole number from 1 to 36600");
        assertThatThrownBy(() -> RfmConfig.fromMap(Map.of("currency", "euro"), "metrics.rfm"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.rfm.currency: 'euro' is not a currency; write an ISO 4217 code, e.g. EUR");
        assertThatThrownBy(() -> RfmConfig.fromMap(Map.of("exchange_rates", Map.of("USD", -1)), "metrics.rfm"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.rfm.exchange_rates.USD: '-1' is not an exchange rate; write a positive number"
                        + " with at most 6 decimals");
        assertThatThrownBy(() -> RfmConfig.fromMap(Map.of("exchange_rates", Map.of("EUR", 1)), "metrics.rfm"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("metrics.rfm.exchange_rates.EUR: is the reporting currency, whose rate is 1; remove it");
    }
}
