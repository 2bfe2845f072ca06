package dev.rapport.config;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} in config values from the environment, so secrets (database
 * passwords, keys) never have to be written into {@code rapport.yaml}.
 */
final class EnvironmentReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvironmentReferences() {}

    /** True when the whole value is one {@code ${env:NAME}} reference. */
    static boolean isReference(String value) {
        return REFERENCE.matcher(value.strip()).matches();
    }

    static String resolve(String value, String key, Map<String, String> environment) {
        if (value == null) {
            return null;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = environment.get(name);
            if (replacement == null) {
                throw new InvalidConfigException(key, "refers to environment variable " + name + ", which is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
