package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

/**
 * What to do next with one customer, on which channel, and why in words.
 *
 * @param action follow_up_detractor, win_back, ask_for_review, upsell, nurture or none
 * @param channel email, sms or phone; null when the action is none
 * @param reason why, in words a marketer or an agent understands
 */
public record NextBestAction(String action, String channel, String reason) {

    public static final String FOLLOW_UP_DETRACTOR = "follow_up_detractor";
    public static final String WIN_BACK = "win_back";
    public static final String ASK_FOR_REVIEW = "ask_for_review";
    public static final String UPSELL = "upsell";
    public static final String NURTURE = "nurture";
    public static final String NONE = "none";

    public NextBestAction {
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
        if (action.equals(NONE) != (channel == null)) {
            throw new IllegalArgumentException("a channel goes with every action but none");
        }
    }
}
