package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays out a person's journey after the first touch and writes its events: ERP orders, invoices,
 * payments and returns; survey responses; support tickets. Detractors mostly stop buying after they
 * say so; promoters buy again sooner.
 */
final class JourneyExports {

    private static final List<String> SURVEY_CHANNELS = List.of("email", "email", "web", "app", "sms");
    private static final List<String> TICKET_CHANNELS = List.of("email", "web", "phone", "chat");
    private static final List<String> AGENT_REPLIES = List.of(
            "Thank you for contacting us, we are looking into it.",
            "We have escalated this to our logistics partner.",
            "Could you please send us a photo of the product?",
            "We have issued a refund, it will be visible in 3-5 business days.");

    private final SourceFile documents;
    private final SourceFile surveys;
    private final SourceFile support;
    private final IdSequences ids;
    private final Instant end;

    JourneyExports(SourceFile documents, SourceFile surveys, SourceFile support, IdSequences ids, Instant end) {
        this.documents = requireNonNull(documents, "documents is null");
        this.surveys = requireNonNull(surveys, "surveys is null");
        this.support = requireNonNull(support, "support is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.end = requireNonNull(end, "end is null");
    }

    void write(Person person, Journey journey, CustomerKeys keys, SplittableRandom random) {
        String language = FeedbackComments.language(person.country(), random);
        Sentiment sentiment = journey.sentiment();
        if (journey.inCrm() && random.nextDouble() < 0.06) {
            Instant at = journey.firstTouch().plusSeconds(14 * 86_400L + random.nextInt(86_400));
            if (at.isBefore(end)) {
                survey(person, keys, "NPS", "onboarding", at, null, sentiment.wobble(random), language, random);
            }
        }
        if (journey.inCrm() && !journey.customer() && random.nextDouble() < 0.04) {
            ticket(
                    person,
                    keys,
                    journey.firstTouch().plusSeconds(random.nextInt(5 * 86_400)),
                    "Question about product availability",
                    sentiment,
                    language,
                    random);
        }
        if (!journey.customer()) {
            return;
        }
        Instant orderTime = journey.firstPurchase();
        boolean preferSecondAccount = random.nextBoolean();
        while (orderTime.isBefore(end)) {
            String orderNo =
                    order(person, keys.customerNumberAt(orderTime, preferSecondAccount), orderTime, sentiment, random);
            Instant delivered = orderTime.plusSeconds(
                    86_400L + random.nextInt((sentiment == Sentiment.DETRACTOR ? 9 : 4) * 86_400));
            double ticketRate = sentiment == Sentiment.DETRACTOR ? 0.22 : sentiment == Sentiment.PASSIVE ? 0.08 : 0.04;
            if (random.nextDouble() < ticketRate) {
                ticket(
                        person,
                        keys,
                        delivered.plusSeconds(random.nextInt(3 * 86_400)),
                        "Order " + orderNo + ": problem with delivery",
                        sentiment,
                        language,
                        random);
            }
            Sentiment said = null;
            if (random.nextDouble() < 0.25) {
                said = sentiment.wobble(random);
                Instant at = delivered.plusSeconds(86_400L + random.nextInt(2 * 86_400));
                if (at.isBefore(end)) {
                    String type = random.nextDouble() < 0.6 ? "NPS" : "CSAT";
                    survey(person, keys, type, "delivery", at, orderNo, said, language, random);
                }
            }
            if (random.nextDouble() < 0.08) {
                survey(
                        person,
                        keys,
                        "CES",
                        "checkout",
                        orderTime.plusSeconds(60 + random.nextInt(900)),
                        orderNo,
                        sentiment.wobble(random),
                        language,
                        random);
            }
            double stay;
            if (said == Sentiment.DETRACTOR) {
                stay = 0.10;
            } else if (said == Sentiment.PROMOTER) {
                stay = 0.70;
            } else {
                stay = sentiment == Sentiment.PROMOTER ? 0.45 : sentiment == Sentiment.PASSIVE ? 0.30 : 0.15;
            }
            if (random.nextDouble() >= stay) {
                return;
            }
            double meanGapDays = sentiment == Sentiment.PROMOTER ? 45 : 80;
            orderTime = delivered.plusSeconds((long) (-Math.log(1 - random.nextDouble()) * meanGapDays * 86_400));
        }
    }

    private String order(
            Person person, String customerNumber, Instant at, Sentiment sentiment, SplittableRandom random) {
        String orderNo = ids.nextOrderNumber();
        String currency = person.country().currency();
        long cents = euroCents(random) * rate(currency) / 100;
        String channel = pickChannel(random);
        boolean business = person.firm() != null;
        String payment = business
                ? "bank_transfer"
                : person.country() == Country.RS && random.nextDouble() < 0.3
                        ? "cash_on_delivery"
                        : random.nextDouble() < 0.2 ? "paypal" : "card";
        document("ORD", orderNo, at, customerNumber, orderNo, cents, currency, channel, payment, random);
        if (business || random.nextDouble() < 0.15) {
            document(
                    "INV",
                    ids.nextInvoiceNumber(),
                    at.plusSeconds(600 + random.nextInt(86_400)),
                    customerNumber,
                    orderNo,
                    cents,
                    currency,
                    channel,
                    payment,
                    random);
        }
        long payDelay =
                switch (payment) {
                    case "bank_transfer" -> 3 * 86_400L + random.nextInt(25 * 86_400);
                    case "cash_on_delivery" -> 86_400L + random.nextInt(5 * 86_400);
                    default -> 30 + random.nextInt(300);
                };
        document(
                "PAY",
                ids.nextPaymentNumber(),
                at.plusSeconds(payDelay),
                customerNumber,
                orderNo,
                cents,
                currency,
                channel,
                payment,
                random);
        if (random.nextDouble() < (sentiment == Sentiment.DETRACTOR ? 0.12 : 0.03)) {
            long refund = random.nextBoolean() ? cents : cents / (2 + random.nextInt(3));
            document(
                    "RET",
                    ids.nextReturnNumber(),
                    at.plusSeconds(5 * 86_400L + random.nextInt(20 * 86_400)),
                    customerNumber,
                    orderNo,
                    refund,
                    currency,
                    channel,
                    payment,
                    random);
        }
        return orderNo;
    }

    private void document(
            String type,
            String number,
            Instant at,
            String customerNumber,
            String orderNo,
            long cents,
            String currency,
            String channel,
            String payment,
            SplittableRandom random) {
        if (!at.isBefore(end)) {
            return;
        }
        String[] row = {
            type,
            number,
            ExportFormats.erpTime(at),
            customerNumber,
            orderNo,
            ExportFormats.money(cents),
            currency,
            channel,
            payment
        };
        if (MalformedRecords.breakThisOne(random)) {
            switch (random.nextInt(3)) {
                case 0 -> row[5] = row[5].replace('.', ',') + " " + currency; // "1234,50 RSD"
                case 1 -> row[2] = "00.00.0000 00:00:00";
                default -> row[1] = "";
            }
            documents.malformedRow(row);
        } else {
            documents.row(row);
        }
    }

    private void survey(
            Person person,
            CustomerKeys keys,
            String type,
            String touchpoint,
            Instant at,
            String orderNo,
            Sentiment said,
            String language,
            SplittableRandom random) {
        if (!at.isBefore(end)) {
            return;
        }
        int score = said.score(type, random);
        FeedbackComments.Comment comment = null;
        if (random.nextDouble() < 0.55) {
            comment = switch (said) {
                case DETRACTOR -> FeedbackComments.complaint(language, complaintTopic(touchpoint, random), random);
                case PASSIVE -> FeedbackComments.neutral(language, random);
                case PROMOTER -> FeedbackComments.praise(language, random);
            };
        }
        String email = keys.contactEmail() != null ? keys.contactEmail() : person.email();
        String contactId = keys.contactId() == null ? "" : keys.contactId();
        double who = random.nextDouble();
        if (!contactId.isEmpty() && who < 0.3) {
            email = "";
        } else if (who < 0.7) {
            contactId = "";
        }
        String[] row = {
            ids.nextResponseId(),
            type,
            String.valueOf(score),
            touchpoint,
            Country.pickFrom(SURVEY_CHANNELS, random),
            ExportFormats.isoInstant(at),
            email,
            contactId,
            orderNo == null ? "" : orderNo,
            comment == null ? "" : comment.language(),
            comment == null ? "" : comment.text()
        };
        if (MalformedRecords.breakThisOne(random)) {
            switch (random.nextInt(3)) {
                case 0 -> row[2] = "n/a";
                case 1 ->
                    row[2] = String.valueOf(
                            switch (type) {
                                case "NPS" -> 11;
                                case "CSAT" -> 6;
                                default -> 8;
                            });
                default -> row[5] = "yesterday";
            }
            surveys.malformedRow(row);
        } else {
            surveys.row(row);
        }
    }

    private void ticket(
            Person person,
            CustomerKeys keys,
            Instant opened,
            String subject,
            Sentiment sentiment,
            String language,
            SplittableRandom random) {
        String ticketId = ids.nextTicketId();
        String priority = pickPriority(random);
        String channel = Country.pickFrom(TICKET_CHANNELS, random);
        String email = keys.contactEmail() != null ? keys.contactEmail() : person.email();
        String contactId = keys.contactId() != null && random.nextDouble() < 0.2 ? keys.contactId() : "";
        FeedbackComments.Comment complaint =
                FeedbackComments.complaint(language, FeedbackComments.Topic.values()[random.nextInt(4)], random);
        int step = 0;
        Instant at = opened;
        ticketEvent(
                ticketId,
                ++step,
                "opened",
                at,
                priority,
                channel,
                email,
                contactId,
                subject,
                complaint.language(),
                complaint.text(),
                random);
        int replies = 1 + random.nextInt(2);
        for (int i = 0; i < replies; i++) {
            at = at.plusSeconds(1_800 + random.nextInt(sentiment == Sentiment.DETRACTOR ? 72 * 3_600 : 12 * 3_600));
            ticketEvent(
                    ticketId,
                    ++step,
                    "replied",
                    at,
                    priority,
                    channel,
                    email,
                    contactId,
                    subject,
                    "en",
                    Country.pickFrom(AGENT_REPLIES, random),
                    random);
        }
        at = at.plusSeconds(3_600 + random.nextInt(48 * 3_600));
        ticketEvent(ticketId, ++step, "resolved", at, priority, channel, email, contactId, subject, "", "", random);
        if (random.nextDouble() < (sentiment == Sentiment.DETRACTOR ? 0.2 : 0.05)) {
            at = at.plusSeconds(86_400L + random.nextInt(4 * 86_400));
            FeedbackComments.Comment again =
                    FeedbackComments.complaint(language, FeedbackComments.Topic.SUPPORT, random);
            ticketEvent(
                    ticketId,
                    ++step,
                    "reopened",
                    at,
                    priority,
                    channel,
                    email,
                    contactId,
                    subject,
                    again.language(),
                    again.text(),
                    random);
            at = at.plusSeconds(3_600 + random.nextInt(24 * 3_600));
            ticketEvent(
                    ticketId,
                    ++step,
                    "replied",
                    at,
                    priority,
                    channel,
                    email,
                    contactId,
                    subject,
                    "en",
                    Country.pickFrom(AGENT_REPLIES, random),
                    random);
            at = at.plusSeconds(3_600 + random.nextInt(48 * 3_600));
            ticketEvent(ticketId, ++step, "resolved", at, priority, channel, email, contactId, subject, "", "", random);
        }
        if (random.nextDouble() < 0.35) {
            survey(
                    person,
                    keys,
                    random.nextBoolean() ? "CSAT" : "CES",
                    "support",
                    at.plusSeconds(3_600),
                    ticketId,
                    sentiment.wobble(random),
                    language,
                    random);
        }
    }

    private void ticketEvent(
            String ticketId,
            int step,
            String event,
            Instant at,
            String priority,
            String channel,
            String email,
            String contactId,
            String subject,
            String language,
            String comment,
            SplittableRandom random) {
        if (!at.isBefore(end)) {
            return;
        }
        String[] row = {
            ticketId + "-" + step,
            ticketId,
            event,
            ExportFormats.helpdeskTime(at),
            priority,
            channel,
            email == null ? "" : email,
            contactId,
            subject,
            language,
            comment
        };
        if (MalformedRecords.breakThisOne(random)) {
            if (random.nextBoolean()) {
                row[0] = "";
            } else {
                row[3] = row[3].replace(' ', 'T').substring(0, 10) + " 25:61:00";
            }
            support.malformedRow(row);
        } else {
            support.row(row);
        }
    }

    private static FeedbackComments.Topic complaintTopic(String touchpoint, SplittableRandom random) {
        if (touchpoint.equals("support")) {
            return FeedbackComments.Topic.SUPPORT;
        }
        if (touchpoint.equals("delivery") && random.nextDouble() < 0.5) {
            return FeedbackComments.Topic.DELIVERY;
        }
        return FeedbackComments.Topic.values()[random.nextInt(4)];
    }

    private static String pickChannel(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.6 ? "web" : r < 0.8 ? "app" : r < 0.92 ? "store" : "phone";
    }

    private static String pickPriority(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.2 ? "low" : r < 0.75 ? "normal" : r < 0.95 ? "high" : "urgent";
    }

    /** Basket value in euro cents: many small orders, a long tail of large ones. */
    private static long euroCents(SplittableRandom random) {
        double u = random.nextDouble();
        return 1_500 + (long) (u * u * u * 60_000) + random.nextInt(100);
    }

    /** Units of the currency per 100 euros, fixed so output does not depend on the day. */
    private static long rate(String currency) {
        return switch (currency) {
            case "RSD" -> 11_700;
            case "USD" -> 108;
            case "GBP" -> 85;
            case "ZAR" -> 2_000;
            default -> 100;
        };
    }
}
