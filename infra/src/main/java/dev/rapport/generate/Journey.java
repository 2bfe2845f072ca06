package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The shape of one person's relationship with the company, decided before any record is written:
 * when they first came, whether they became a lead (CRM) and a customer (ERP), and how they feel.
 */
record Journey(
        Instant firstTouch,
        boolean inCrm,
        boolean duplicateContact,
        boolean customer,
        Instant firstPurchase,
        boolean duplicateCustomer,
        Sentiment sentiment) {

    static final double CRM_RATE = 0.80;
    static final double CUSTOMER_RATE_OF_LEADS = 0.50;
    static final double DUPLICATE_CONTACT_RATE = 0.06;
    static final double DUPLICATE_CUSTOMER_RATE = 0.03;

    Journey {
        requireNonNull(firstTouch, "firstTouch is null");
        requireNonNull(sentiment, "sentiment is null");
    }

    static Journey plan(Instant start, Instant end, SplittableRandom random) {
        long span =
                Duration.between(start, end).getSeconds() - Duration.ofDays(30).getSeconds();
        Instant firstTouch = start.plusSeconds((long) (random.nextDouble() * span));
        boolean inCrm = random.nextDouble() < CRM_RATE;
        // Everyone outside the CRM is a walk-in customer known only to the ERP.
        boolean customer = !inCrm || random.nextDouble() < CUSTOMER_RATE_OF_LEADS;
        Instant firstPurchase = null;
        if (customer) {
            long delaySeconds = inCrm ? (long) (-Math.log(1 - random.nextDouble()) * 20 * 86_400) : 0;
            firstPurchase = firstTouch.plusSeconds(delaySeconds);
            if (!firstPurchase.isBefore(end)) {
                firstPurchase = end.minusSeconds(3_600 + random.nextInt(86_400));
            }
        }
        return new Journey(
                firstTouch,
                inCrm,
                inCrm && random.nextDouble() < DUPLICATE_CONTACT_RATE,
                customer,
                firstPurchase,
                customer && random.nextDouble() < DUPLICATE_CUSTOMER_RATE,
                Sentiment.pick(random));
    }
}
