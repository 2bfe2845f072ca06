package dev.rapport.metrics.feed.function;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.feed.SaltedHash;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code rapport_salted_hash(value)}: {@link SaltedHash#hash}. */
public final class SaltedHashFunction extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final String salt;
    private transient SaltedHash hash;

    public SaltedHashFunction(String salt) {
        this.salt = requireNonNull(salt, "salt is null");
    }

    @Override
    public void open(FunctionContext context) {
        hash = new SaltedHash(salt);
    }

    public String eval(String value) {
        if (hash == null) {
            hash = new SaltedHash(salt);
        }
        return hash.hash(value);
    }

    @Override
    public String toString() {
        return "SaltedHashFunction"; // never the salt
    }
}
