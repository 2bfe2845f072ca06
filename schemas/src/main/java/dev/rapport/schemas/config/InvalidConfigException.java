package dev.rapport.schemas.config;

import static java.util.Objects.requireNonNull;

/**
 * A configuration error found before any job starts. It names the config key at fault (e.g.
 * {@code sources[2].mapping.birth_date}) and says what is wrong; the loader adds the file.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = requireNonNull(key, "key is null");
        this.problem = requireNonNull(problem, "problem is null");
    }

    /** The config key at fault, as a path: {@code catalog.uri}, {@code sources[0].path}. */
    public String key() {
        return key;
    }

    /** What is wrong with it, and what to do. */
    public String problem() {
        return problem;
    }
}
