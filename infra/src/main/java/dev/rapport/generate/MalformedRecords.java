package dev.rapport.generate;

import java.util.SplittableRandom;

/** How often, and how, a real export carries a record that cannot be ingested. */
final class MalformedRecords {

    static final double RATE = 0.006;

    private MalformedRecords() {}

    static boolean breakThisOne(SplittableRandom random) {
        return random.nextDouble() < RATE;
    }

    /** A JSON line cut off mid-write, as a crashed log shipper leaves it. */
    static String truncated(String json, SplittableRandom random) {
        return json.substring(0, Math.max(1, json.length() / 3 + random.nextInt(json.length() / 3)));
    }
}
