package dev.rapport.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;

/**
 * Every {@link ConfigOption} that Flink's own {@code org.apache.flink.configuration.*Options}
 * classes declare, by key (deprecated and fallback keys included), found by reflection in the
 * flink-core jar this build runs against.
 */
final class FlinkConfigOptions {

    private static final String PACKAGE = "org/apache/flink/configuration/";

    private FlinkConfigOptions() {}

    static Map<String, ConfigOption<?>> byKey() {
        Map<String, ConfigOption<?>> options = new HashMap<>();
        try (ZipFile jar = new ZipFile(jarOf(CoreOptions.class).toFile())) {
            jar.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith(PACKAGE) && name.endsWith("Options.class"))
                    .filter(name -> name.indexOf('/', PACKAGE.length()) < 0 && !name.contains("$"))
                    .forEach(name -> collect(name.replace('/', '.').replace(".class", ""), options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(options);
    }

    private static void collect(String className, Map<String, ConfigOption<?>> options) {
        Class<?> type;
        try {
            type = Class.forName(className, false, FlinkConfigOptions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // an options class whose dependencies are not on this classpath
        }
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    options.put(option.key(), option);
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        options.putIfAbsent(fallback.getKey(), option);
                    }
                } catch (IllegalAccessException | LinkageError e) {
                    // skip: not readable here
                }
            }
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
