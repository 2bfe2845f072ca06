package dev.rapport.metrics.customer;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings of {@code metrics.customer_rfm}, the {@code metrics.rfm} section of {@code
 * rapport.yaml}:
 *
 * <pre>{@code
 * metrics:
 *   rfm:
 *     lookback_days: 365        # frequency and monetary count the orders of this many days up to as_of
 *     currency: EUR             # the reporting currency of monetary
 *     exchange_rates:           # optional: 1 unit of the currency in the reporting currency
 *       USD: 0.92
 *       GBP: 1.17
 * }</pre>
 *
 * <p>Orders in the reporting currency count at their amount, orders in a currency of {@code
 * exchange_rates} at amount times rate; orders in any other currency (or none) count in frequency
 * and recency but not in monetary, and are counted in {@code orders_other_currency}.
 */
public record RfmConfig(int lookbackDays, String currency, Map<String, BigDecimal> exchangeRates)
        implements Serializable {

    public static final String LOOKBACK_DAYS = "lookback_days";
    public static final String CURRENCY = "currency";
    public static final String EXCHANGE_RATES = "exchange_rates";
    public static final int LOOKBACK_DAYS_DEFAULT = 365;
    public static final String CURRENCY_DEFAULT = "EUR";

    private static final Set<String> KEYS = Set.of(LOOKBACK_DAYS, CURRENCY, EXCHANGE_RATES);
    // Currency codes are spliced into SQL: ISO 4217 letters only.
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public RfmConfig {
        requireNonNull(currency, "currency is null");
        requireNonNull(exchangeRates, "exchangeRates is null");
        exchangeRates = Map.copyOf(new TreeMap<>(exchangeRates));
        if (lookbackDays < 1 || lookbackDays > 36_600) {
            throw new IllegalArgumentException("lookbackDays must be 1 to 36600, got " + lookbackDays);
        }
        if (!CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
        }
        exchangeRates.forEach((code, rate) -> {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("exchange rate currency '" + code + "' is not an ISO 4217 code");
            }
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("exchange rate of " + code + " must be positive, got " + rate);
            }
        });
    }

    public static RfmConfig defaults() {
        return new RfmConfig(LOOKBACK_DAYS_DEFAULT, CURRENCY_DEFAULT, Map.of());
    }

    /** Reads the section under {@code key}; a missing section gives the defaults. */
    public static RfmConfig fromMap(Object value, String key) {
        requireNonNull(key, "key is null");
        if (value == null) {
            return defaults();
        }
        if (!(value instanceof Map<?, ?> section)) {
            throw new InvalidConfigException(key, "must be a map with lookback_days, currency, exchange_rates");
        }
        for (Object name : section.keySet()) {
            if (!KEYS.contains(String.valueOf(name))) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are currency, exchange_rates, lookback_days");
            }
        }
        int lookback = ConfigValues.wholeNumber(
                section.get(LOOKBACK_DAYS), key + "." + LOOKBACK_DAYS, LOOKBACK_DAYS_DEFAULT, 1, 36_600);
        String currency =
                section.get(CURRENCY) == null ? CURRENCY_DEFAULT : code(section.get(CURRENCY), key + "." + CURRENCY);
        Map<String, BigDecimal> rates = new TreeMap<>();
        Object ratesValue = section.get(EXCHANGE_RATES);
        if (ratesValue != null) {
            if (!(ratesValue instanceof Map<?, ?> rateMap)) {
                throw new InvalidConfigException(key + "." + EXCHANGE_RATES, "must be a map like {USD: 0.92}");
            }
            for (Map.Entry<?, ?> entry : rateMap.entrySet()) {
                String entryKey = key + "." + EXCHANGE_RATES + "." + entry.getKey();
                String code = code(entry.getKey(), entryKey);
                if (code.equals(currency)) {
                    throw new InvalidConfigException(entryKey, "is the reporting currency, whose rate is 1; remove it");
                }
                rates.put(code, rate(entry.getValue(), entryKey));
            }
        }
        return new RfmConfig(lookback, currency, rates);
    }

    private static String code(Object value, String key) {
        String code = String.valueOf(value).trim();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidConfigException(
                    key, "'" + value + "' is not a currency; write an ISO 4217 code, e.g. EUR");
        }
        return code;
    }

    private static BigDecimal rate(Object value, String key) {
        BigDecimal rate;
        try {
            rate = value instanceof Number || value instanceof String
                    ? new BigDecimal(String.valueOf(value).trim())
                    : null;
        } catch (NumberFormatException e) {
            rate = null;
        }
        if (rate == null || rate.signum() <= 0 || rate.scale() > 6 || rate.precision() - rate.scale() > 6) {
            throw new InvalidConfigException(
                    key, "'" + value + "' is not an exchange rate; write a positive number with at most 6 decimals");
        }
        return rate;
    }
}
