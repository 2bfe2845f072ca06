package dev.rapport.identity.block;

import java.util.Objects;

/**
 * One record's entry in one block: the block key (rule and value), the record's role in it and the
 * name keys the name guard needs. A Flink POJO.
 */
public class BlockingKey {

    /** The block, e.g. {@code email:ana@example.com}; records with the same key are candidates. */
    public String key;
    /** The {@link dev.rapport.identity.config.MatchRule#configName()} that made the key. */
    public String rule;

    public BlockRole role;
    public String recordId;
    public String source;
    public String firstNameKey;
    public String lastNameKey;

    public BlockingKey() {}

    public BlockingKey(
            String key,
            String rule,
            BlockRole role,
            String recordId,
            String source,
            String firstNameKey,
            String lastNameKey) {
        this.key = Objects.requireNonNull(key, "key is null");
        this.rule = Objects.requireNonNull(rule, "rule is null");
        this.role = Objects.requireNonNull(role, "role is null");
        this.recordId = Objects.requireNonNull(recordId, "recordId is null");
        this.source = Objects.requireNonNull(source, "source is null");
        this.firstNameKey = firstNameKey;
        this.lastNameKey = lastNameKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockingKey that
                && Objects.equals(key, that.key)
                && Objects.equals(rule, that.rule)
                && role == that.role
                && Objects.equals(recordId, that.recordId)
                && Objects.equals(source, that.source)
                && Objects.equals(firstNameKey, that.firstNameKey)
                && Objects.equals(lastNameKey, that.lastNameKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, role, recordId);
    }

    /** The key holds an identifier, so only its rule is printed. */
    @Override
    public String toString() {
        return "BlockingKey{" + rule + ", " + role + ", " + recordId + "}";
    }
}
