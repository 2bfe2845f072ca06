package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Email campaign events as an ESP's event webhook posts them (SendGrid's shape), one JSON object per
 * line. Webhook retries repeat a line with the same sg_event_id; privacy proxies (Apple Mail) open
 * every message on delivery, which sg_machine_open marks.
 */
final class EmailExports {

    static final double CAMPAIGN_REACH = 0.02;
    static final double RETRY_RATE = 0.02;
    private static final long CAMPAIGN_EVERY_SECONDS = 10 * 86_400L;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String HEX = "0123456789abcdef";
    private static final DateTimeFormatter CAMPAIGN_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final String[] THEMES = {
        "newsletter", "spring-sale", "black-friday", "new-arrivals", "loyalty", "winback"
    };

    private final SourceFile events;
    private final Instant start;
    private final Instant end;
    private final JsonFactory json = new JsonFactory();
    private final StringWriter buffer = new StringWriter(512);
    private final List<String> retries = new ArrayList<>();

    EmailExports(SourceFile events, Instant start, Instant end) {
        this.events = requireNonNull(events, "events is null");
        this.start = requireNonNull(start, "start is null");
        this.end = requireNonNull(end, "end is null");
    }

    void write(Journey journey, CustomerKeys keys, SplittableRandom random) {
        String email = keys.contactEmail();
        if (email == null) {
            return;
        }
        retries.clear();
        long first =
                Math.max(0, Duration.between(start, journey.firstTouch()).getSeconds() / CAMPAIGN_EVERY_SECONDS + 1);
        for (long campaign = first; ; campaign++) {
            Instant sent = start.plusSeconds(campaign * CAMPAIGN_EVERY_SECONDS + 9 * 3_600);
            if (!sent.isBefore(end)) {
                break;
            }
            if (random.nextDouble() >= CAMPAIGN_REACH) {
                continue;
            }
            if (!campaign(email, campaign, sent, journey.sentiment(), random)) {
                break;
            }
        }
        for (String retry : retries) {
            events.duplicateJsonLine(retry);
        }
    }

    /** Writes one campaign's events; false when the person unsubscribed or the address is dead. */
    private boolean campaign(String email, long campaign, Instant sent, Sentiment sentiment, SplittableRandom random) {
        String theme = THEMES[(int) (campaign % THEMES.length)];
        String campaignId = "cmp-" + CAMPAIGN_DATE.format(sent) + "-" + theme;
        String messageId = token(22, random) + ".filterdrecv-" + hex(8, random) + "-1-" + hex(8, random) + "-1.0";
        String address = email.trim().toLowerCase(java.util.Locale.ROOT);
        long t = sent.getEpochSecond() + random.nextInt(600);
        event(address, t, "processed", campaignId, theme, messageId, null, null, random);
        if (EmailAddresses.hasDomainTypo(address) || random.nextDouble() < 0.015) {
            event(address, t + 2 + random.nextInt(30), "bounce", campaignId, theme, messageId, null, null, random);
            return false;
        }
        t += 1 + random.nextInt(60);
        event(address, t, "delivered", campaignId, theme, messageId, null, null, random);
        if (random.nextDouble() < 0.2) {
            event(
                    address,
                    t + 5 + random.nextInt(120),
                    "open",
                    campaignId,
                    theme,
                    messageId,
                    Boolean.TRUE,
                    null,
                    random);
        }
        double openRate = sentiment == Sentiment.PROMOTER ? 0.45 : sentiment == Sentiment.PASSIVE ? 0.3 : 0.18;
        if (random.nextDouble() < openRate) {
            long opened = t + 300 + (long) (-Math.log(1 - random.nextDouble()) * 6 * 3_600);
            event(address, opened, "open", campaignId, theme, messageId, Boolean.FALSE, null, random);
            if (random.nextDouble() < 0.25) {
                String url =
                        "https://www.rapport-shop.example/" + theme + "?utm_source=email&utm_campaign=" + campaignId;
                event(
                        address,
                        opened + 5 + random.nextInt(300),
                        "click",
                        campaignId,
                        theme,
                        messageId,
                        null,
                        url,
                        random);
            }
        }
        double unsubscribe = sentiment == Sentiment.DETRACTOR ? 0.03 : 0.008;
        if (random.nextDouble() < unsubscribe) {
            event(
                    address,
                    t + 600 + random.nextInt(86_400),
                    "unsubscribe",
                    campaignId,
                    theme,
                    messageId,
                    null,
                    null,
                    random);
            return false;
        }
        if (random.nextDouble() < 0.002) {
            event(
                    address,
                    t + 600 + random.nextInt(86_400),
                    "spamreport",
                    campaignId,
                    theme,
                    messageId,
                    null,
                    null,
                    random);
            return false;
        }
        return true;
    }

    private void event(
            String email,
            long timestamp,
            String event,
            String campaignId,
            String theme,
            String messageId,
            Boolean machineOpen,
            String url,
            SplittableRandom random) {
        if (timestamp >= end.getEpochSecond()) {
            return;
        }
        String line = line(email, timestamp, event, campaignId, theme, messageId, machineOpen, url, random);
        if (MalformedRecords.breakThisOne(random)) {
            events.malformedJsonLine(MalformedRecords.truncated(line, random));
            return;
        }
        events.jsonLine(line);
        if (random.nextDouble() < RETRY_RATE) {
            retries.add(line);
        }
    }

    private String line(
            String email,
            long timestamp,
            String event,
            String campaignId,
            String theme,
            String messageId,
            Boolean machineOpen,
            String url,
            SplittableRandom random) {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator out = json.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeStringField("email", email);
            out.writeNumberField("timestamp", timestamp);
            out.writeStringField("event", event);
            out.writeArrayFieldStart("category");
            out.writeString(theme.equals("newsletter") ? "newsletter" : "promotion");
            out.writeString(theme);
            out.writeEndArray();
            out.writeStringField("sg_event_id", token(22, random));
            out.writeStringField("sg_message_id", messageId);
            out.writeStringField("campaign_id", campaignId);
            switch (event) {
                case "open" -> {
                    out.writeBooleanField("sg_machine_open", machineOpen);
                    out.writeStringField(
                            "useragent",
                            machineOpen ? "Mozilla/5.0" : "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)");
                }
                case "click" -> {
                    out.writeStringField("url", url);
                    out.writeNumberField("url_offset_index", 0);
                }
                case "bounce" -> {
                    out.writeStringField("type", "bounce");
                    out.writeStringField("status", "5.1.1");
                    out.writeStringField(
                            "reason", "550 5.1.1 The email account that you tried to reach does not exist.");
                }
                case "delivered" -> out.writeStringField("response", "250 OK");
                default -> {}
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an email event", e);
        }
        return buffer.toString();
    }

    private static String token(int length, SplittableRandom random) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    private static String hex(int length, SplittableRandom random) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX.charAt(random.nextInt(16));
        }
        return new String(out);
    }
}
