package dev.rapport.identity.block;

/** What a record is in a block: which pairs of entries may link. */
public enum BlockRole {
    /** Holds the shared identifier (email, phone): links to any compatible member. */
    MEMBER,
    /** Holds a {@code source_customer_ref}: links to the referenced record of another source. */
    REFERRER,
    /** Is referred to: its {@code source_id} is the block's value. */
    REFERENCED
}
