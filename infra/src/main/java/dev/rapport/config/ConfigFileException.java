package dev.rapport.config;

import java.nio.file.Path;

/** A configuration error, naming the file, the key and what is wrong. */
public final class ConfigFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigFileException(Path file, String key, String problem) {
        super(file + ": " + key + ": " + problem);
    }

    public ConfigFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
