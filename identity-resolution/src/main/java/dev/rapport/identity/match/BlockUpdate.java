package dev.rapport.identity.match;

import java.util.Objects;

/**
 * What an incremental run knows about a block besides its entries: that a changed record is or was
 * in it ({@code touched}), or a link the previous run made in it. A Flink POJO.
 */
public class BlockUpdate {

    public String blockKey;
    public boolean touched;
    /** Previous links only. */
    public Link previousLink;

    public BlockUpdate() {}

    /** The block holds, or held, a new, updated or deleted record: it is linked again. */
    public static BlockUpdate touch(String blockKey) {
        BlockUpdate update = new BlockUpdate();
        update.blockKey = Objects.requireNonNull(blockKey, "blockKey is null");
        update.touched = true;
        return update;
    }

    /** A link the previous run made in its block; kept if the block is untouched. */
    public static BlockUpdate previous(Link link) {
        return previous(link.blockKey, link);
    }

    /** A link the previous run made in the block the operator knows as {@code blockKey}. */
    public static BlockUpdate previous(String blockKey, Link link) {
        BlockUpdate update = new BlockUpdate();
        update.blockKey = Objects.requireNonNull(blockKey, "blockKey is null");
        update.previousLink = Objects.requireNonNull(link, "link is null");
        return update;
    }
}
