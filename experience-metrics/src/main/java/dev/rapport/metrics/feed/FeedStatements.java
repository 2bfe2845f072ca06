package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flink SQL of the two feed tables, from the resources of {@code dev/rapport/metrics/feed},
 * with the as-of day and the invitation windows filled in. Templates write {@code ${as_of}} (the
 * day), {@code ${until}} (the end of the as-of day), {@code ${since(N)}} (the instant N days
 * before that end), {@code ${day(N)}} (the date N days before the as-of day) and the names of the
 * invitation settings; N is a number or a setting. Only dates and numbers are spliced in.
 */
public final class FeedStatements {

    private static final String RESOURCES = "/dev/rapport/metrics/feed/";
    private static final Pattern RELATIVE = Pattern.compile("\\$\\{(since|day)\\(([a-z_0-9]+)\\)}");

    private final FeedConfig config;
    private final LocalDate asOf;

    public FeedStatements(FeedConfig config, LocalDate asOf) {
        this.config = requireNonNull(config, "config is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    public String personalization() {
        return fill(resource("personalization.sql"));
    }

    public String surveyInvitations() {
        return fill(resource("survey_invitations.sql"));
    }

    String fill(String template) {
        Matcher matcher = RELATIVE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            int days = days(matcher.group(2));
            String value = matcher.group(1).equals("since")
                    ? instant(asOf.plusDays(1).minusDays(days))
                    : date(asOf.minusDays(days));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        String text = filled.toString().replace("${as_of}", date(asOf)).replace("${until}", instant(asOf.plusDays(1)));
        for (String setting : new String[] {"ces_after_days", "csat_after_days", "nps_every_days", "fatigue_days"}) {
            text = text.replace("${" + setting + "}", Integer.toString(days(setting)));
        }
        if (text.contains("${")) {
            throw new IllegalStateException("unfilled placeholder in feed SQL: "
                    + text.substring(text.indexOf("${"), Math.min(text.length(), text.indexOf("${") + 40)));
        }
        return text;
    }

    private int days(String name) {
        return switch (name) {
            case "ces_after_days" -> config.cesAfterDays();
            case "csat_after_days" -> config.csatAfterDays();
            case "nps_every_days" -> config.npsEveryDays();
            case "fatigue_days" -> config.fatigueDays();
            default -> Integer.parseInt(name);
        };
    }

    private static String date(LocalDate day) {
        return "DATE '" + day + "'";
    }

    /** The start of the day as an instant (epoch milliseconds), whatever the session time zone. */
    private static String instant(LocalDate day) {
        return "TO_TIMESTAMP_LTZ("
                + day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + ", 3)";
    }

    private static String resource(String name) {
        try (InputStream in = FeedStatements.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
        }
    }
}
