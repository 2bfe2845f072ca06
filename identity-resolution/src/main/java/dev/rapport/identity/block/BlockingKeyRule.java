package dev.rapport.identity.block;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.identity.config.MatchRule;
import dev.rapport.identity.record.ResolutionRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks a record joins, one per configured rule that has a value. Only records in the same
 * block are ever compared, which keeps the cost near linear in the number of records.
 */
public final class BlockingKeyRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IdentityConfig config;

    public BlockingKeyRule(IdentityConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    public List<BlockingKey> keys(ResolutionRecord record) {
        requireNonNull(record, "record is null");
        List<BlockingKey> keys = new ArrayList<>(3);
        for (MatchRule rule : config.rules()) {
            switch (rule) {
                case EMAIL -> {
                    String email = trimmed(record.emailKey);
                    if (email != null && !isGenericMailbox(email)) {
                        keys.add(entry(rule, "email:" + email, BlockRole.MEMBER, record));
                    }
                }
                case PHONE -> {
                    String phone = trimmed(record.phoneE164);
                    if (phone != null) {
                        keys.add(entry(rule, "phone:" + phone, BlockRole.MEMBER, record));
                    }
                }
                case SOURCE_CUSTOMER_REF -> {
                    // The referring record and the referenced one meet in the block of the ref
                    // value: the first through its source_customer_ref, the second through its
                    // source_id. Blocks with no referrer make no link.
                    String ref = trimmed(record.sourceCustomerRef);
                    if (ref != null) {
                        keys.add(entry(rule, "ref:" + ref, BlockRole.REFERRER, record));
                    }
                    keys.add(entry(rule, "ref:" + record.sourceId.trim(), BlockRole.REFERENCED, record));
                }
            }
        }
        return keys;
    }

    private boolean isGenericMailbox(String email) {
        int at = email.lastIndexOf('@');
        return at <= 0 || config.isGenericMailbox(email.substring(0, at));
    }

    private static BlockingKey entry(MatchRule rule, String key, BlockRole role, ResolutionRecord record) {
        return new BlockingKey(
                key, rule.configName(), role, record.recordId, record.source, record.firstNameKey, record.lastNameKey);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
