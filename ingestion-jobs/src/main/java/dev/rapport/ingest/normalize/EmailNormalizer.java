package dev.rapport.ingest.normalize;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans email addresses and derives their match key.
 *
 * <p>The key applies provider rules so that one mailbox written two ways matches: Gmail ignores dots
 * and {@code +tags} in the local part (and googlemail.com is gmail.com); the other common providers
 * deliver {@code +tag} addresses to the plain mailbox.
 */
public final class EmailNormalizer {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_TAG_PROVIDERS = Set.of(
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "icloud.com",
            "me.com",
            "fastmail.com",
            "protonmail.com",
            "proton.me",
            "yandex.ru",
            "yandex.com");

    /** The address trimmed and in lower case, when it is a valid address; empty otherwise. */
    public Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return isValid(email) ? Optional.of(email) : Optional.empty();
    }

    public boolean isValid(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        return LOCAL.matcher(local).matches()
                && !local.startsWith(".")
                && !local.endsWith(".")
                && !local.contains("..")
                && DOMAIN.matcher(domain).matches();
    }

    /** The match key of a normalized address. */
    public String key(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (GMAIL.contains(domain)) {
            return withoutTag(local).replace(".", "") + "@gmail.com";
        }
        if (PLUS_TAG_PROVIDERS.contains(domain)) {
            return withoutTag(local) + "@" + domain;
        }
        return email;
    }

    private static String withoutTag(String local) {
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }
}
