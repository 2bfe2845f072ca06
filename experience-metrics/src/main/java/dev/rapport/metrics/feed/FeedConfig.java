package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code feed} section of {@code rapport.yaml}: the next-best-action windows, consent policy,
 * survey invitation rules and export destinations of {@code rapport feed}.
 *
 * <pre>{@code
 * feed:
 *   detractor_days: 30             # an NPS 0-6 this recent asks for a follow-up
 *   promoter_days: 90              # an NPS 9-10 this recent asks for a review
 *   require_explicit_consent: false  # true: only 'granted' consent allows a message
 *   invitations: {ces_after_days: 3, csat_after_days: 7, nps_every_days: 90, fatigue_days: 14}
 *   destinations: [...]            # see FeedDestination
 * }</pre>
 *
 * @param salt the salt of {@link SaltedHash}, required (from the environment) as soon as one
 *     destination must not see personal data
 */
public record FeedConfig(
        int detractorDays,
        int promoterDays,
        boolean requireExplicitConsent,
        int cesAfterDays,
        int csatAfterDays,
        int npsEveryDays,
        int fatigueDays,
        List<FeedDestination> destinations,
        Optional<String> salt) {

    private static final Set<String> KEYS =
            Set.of("detractor_days", "promoter_days", "require_explicit_consent", "invitations", "destinations");
    private static final Set<String> INVITATION_KEYS =
            Set.of("ces_after_days", "csat_after_days", "nps_every_days", "fatigue_days");

    public FeedConfig {
        destinations = List.copyOf(requireNonNull(destinations, "destinations is null"));
        requireNonNull(salt, "salt is null");
        if (destinations.stream().anyMatch(destination -> !destination.pii()) && salt.isEmpty()) {
            throw new IllegalArgumentException("a destination without pii needs a salt");
        }
    }

    public static FeedConfig defaults() {
        return new FeedConfig(30, 90, false, 3, 7, 90, 14, List.of(), Optional.empty());
    }

    /**
     * Reads the section (already parsed into maps; null gives the defaults). {@code environment}
     * looks up environment variables (the salt); relative destination paths are resolved against
     * {@code baseDir}, the config file's folder. Errors name the key at fault.
     */
    public static FeedConfig fromMap(
            Map<String, Object> yaml, String key, Function<String, String> environment, java.nio.file.Path baseDir) {
        requireNonNull(key, "key is null");
        requireNonNull(environment, "environment is null");
        if (yaml == null) {
            return defaults();
        }
        checkKeys(yaml, KEYS, key);
        Object invitations = yaml.get("invitations");
        if (invitations != null && !(invitations instanceof Map<?, ?>)) {
            throw new InvalidConfigException(key + ".invitations", "must be a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> invite = invitations == null ? Map.of() : (Map<String, Object>) invitations;
        checkKeys(invite, INVITATION_KEYS, key + ".invitations");
        Object explicit = yaml.get("require_explicit_consent");
        if (explicit != null && !(explicit instanceof Boolean)) {
            throw new InvalidConfigException(
                    key + ".require_explicit_consent", "must be true or false, not '" + explicit + "'");
        }
        List<FeedDestination> destinations =
                FeedDestination.listFromYaml(yaml.get("destinations"), key + ".destinations", baseDir);
        Optional<String> salt = Optional.ofNullable(environment.apply(SaltedHash.SALT_VARIABLE));
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i).pii()) {
                continue;
            }
            if (salt.isEmpty() || salt.get().length() < SaltedHash.MIN_SALT_LENGTH) {
                throw new InvalidConfigException(
                        key + ".destinations[" + i + "].pii",
                        "is false, so e-mails, phones and customer ids are sent as salted SHA-256; set the"
                                + " environment variable " + SaltedHash.SALT_VARIABLE + " to a secret of at least "
                                + SaltedHash.MIN_SALT_LENGTH + " characters (or set pii: true if the destination may"
                                + " see personal data)");
            }
        }
        return new FeedConfig(
                days(yaml.get("detractor_days"), key + ".detractor_days", 30),
                days(yaml.get("promoter_days"), key + ".promoter_days", 90),
                Boolean.TRUE.equals(explicit),
                days(invite.get("ces_after_days"), key + ".invitations.ces_after_days", 3),
                days(invite.get("csat_after_days"), key + ".invitations.csat_after_days", 7),
                days(invite.get("nps_every_days"), key + ".invitations.nps_every_days", 90),
                days(invite.get("fatigue_days"), key + ".invitations.fatigue_days", 14),
                destinations,
                salt);
    }

    public NextBestActionRule nextBestActionRule() {
        return new NextBestActionRule(detractorDays, promoterDays, requireExplicitConsent);
    }

    private static int days(Object value, String key, int defaultDays) {
        if (value == null) {
            return defaultDays;
        }
        if (!(value instanceof Integer days) || days < 1 || days > 3650) {
            throw new InvalidConfigException(key, "must be a whole number of days from 1 to 3650, not '" + value + "'");
        }
        return days;
    }

    private static void checkKeys(Map<String, Object> yaml, Set<String> known, String key) {
        for (String name : yaml.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are "
                                + known.stream().sorted().toList());
            }
        }
    }

    @Override
    public String toString() {
        // never the salt
        return "FeedConfig[destinations=" + destinations + ", salt=" + (salt.isPresent() ? "(set)" : "(none)") + "]";
    }
}
