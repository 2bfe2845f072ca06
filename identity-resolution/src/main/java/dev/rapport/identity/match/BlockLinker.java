package dev.rapport.identity.match;

import dev.rapport.identity.block.BlockRole;
import dev.rapport.identity.block.BlockingKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Links the records of one block. Instead of every pair, records are grouped so that every two
 * members of a group have compatible names, and each member links to the group's smallest
 * record id: a block of n records makes at most n - 1 links.
 *
 * <p>The result depends only on the set of entries, never on their arrival order: entries are
 * sorted (most complete names first, then record id) before grouping. A record whose name fits
 * more than one group (e.g. "Petrovic" with no given name beside "Ana Petrovic" and "Marko
 * Petrovic") is ambiguous and links to none of them.
 */
public final class BlockLinker {

    private static final Comparator<BlockingKey> ORDER = Comparator.<BlockingKey>comparingInt(
                    entry -> -NameCompatibilityRule.completeness(entry.firstNameKey, entry.lastNameKey))
            .thenComparing(entry -> entry.recordId);

    private BlockLinker() {}

    /** Links among the entries of one block; they all have the same key and rule. */
    public static List<Link> link(List<BlockingKey> block) {
        List<BlockingKey> members = new ArrayList<>();
        List<BlockingKey> referrers = new ArrayList<>();
        List<BlockingKey> referenced = new ArrayList<>();
        for (BlockingKey entry : block) {
            switch (entry.role) {
                case MEMBER -> members.add(entry);
                case REFERRER -> referrers.add(entry);
                case REFERENCED -> referenced.add(entry);
            }
        }
        List<Link> links = new ArrayList<>();
        linkMembers(members, links);
        linkReferences(referrers, referenced, links);
        return links;
    }

    private static void linkMembers(List<BlockingKey> members, List<Link> links) {
        if (members.size() < 2) {
            return;
        }
        members.sort(ORDER);
        List<List<BlockingKey>> groups = new ArrayList<>();
        for (BlockingKey entry : members) {
            List<List<BlockingKey>> fitting = new ArrayList<>(2);
            for (List<BlockingKey> group : groups) {
                if (group.stream().allMatch(member -> compatible(member, entry))) {
                    fitting.add(group);
                }
            }
            if (fitting.isEmpty()) {
                List<BlockingKey> group = new ArrayList<>();
                group.add(entry);
                groups.add(group);
            } else if (fitting.size() == 1) {
                fitting.get(0).add(entry);
            }
            // more than one fitting group: ambiguous, the record stays out of this block's links
        }
        for (List<BlockingKey> group : groups) {
            BlockingKey representative = group.stream()
                    .min(Comparator.comparing(entry -> entry.recordId))
                    .orElseThrow();
            for (BlockingKey entry : group) {
                if (!entry.recordId.equals(representative.recordId)) {
                    links.add(Link.deterministic(
                            entry.recordId, representative.recordId, entry.rule, nameCheck(entry, representative)));
                }
            }
        }
    }

    /** A referrer links to the referenced records of other sources whose names fit. */
    private static void linkReferences(List<BlockingKey> referrers, List<BlockingKey> referenced, List<Link> links) {
        if (referrers.isEmpty() || referenced.isEmpty()) {
            return;
        }
        referrers.sort(ORDER);
        referenced.sort(ORDER);
        for (BlockingKey referrer : referrers) {
            for (BlockingKey target : referenced) {
                if (!target.source.equals(referrer.source)
                        && !target.recordId.equals(referrer.recordId)
                        && compatible(referrer, target)) {
                    links.add(Link.deterministic(
                            referrer.recordId, target.recordId, referrer.rule, nameCheck(referrer, target)));
                }
            }
        }
    }

    private static NameCheck nameCheck(BlockingKey a, BlockingKey b) {
        return NameCompatibilityRule.check(a.firstNameKey, a.lastNameKey, b.firstNameKey, b.lastNameKey);
    }

    private static boolean compatible(BlockingKey a, BlockingKey b) {
        return NameCompatibilityRule.compatible(a.firstNameKey, a.lastNameKey, b.firstNameKey, b.lastNameKey);
    }

    /** Whether the block can link anything at all; blocks of one record or without referrers cannot. */
    public static boolean canLink(List<BlockingKey> block) {
        long members = block.stream().filter(e -> e.role == BlockRole.MEMBER).count();
        boolean referrer = block.stream().anyMatch(e -> e.role == BlockRole.REFERRER);
        boolean referenced = block.stream().anyMatch(e -> e.role == BlockRole.REFERENCED);
        return members >= 2 || (referrer && referenced);
    }
}
