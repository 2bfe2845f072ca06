package dev.rapport.generate;

import java.util.SplittableRandom;

/** How a person feels about the company; it drives scores, comments, tickets, churn and repurchase. */
enum Sentiment {
    PROMOTER,
    PASSIVE,
    DETRACTOR;

    static Sentiment pick(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.45 ? PROMOTER : r < 0.75 ? PASSIVE : DETRACTOR;
    }

    /** Feelings wobble between responses; mostly they stay. */
    Sentiment wobble(SplittableRandom random) {
        if (random.nextDouble() >= 0.15) {
            return this;
        }
        switch (this) {
            case PROMOTER:
                return PASSIVE;
            case PASSIVE:
                return random.nextBoolean() ? PROMOTER : DETRACTOR;
            case DETRACTOR:
                return PASSIVE;
        }
        throw new IllegalStateException("unknown sentiment " + this);
    }

    int score(String surveyType, SplittableRandom random) {
        switch (surveyType) {
            case "NPS":
                return this == PROMOTER
                        ? 9 + random.nextInt(2)
                        : this == PASSIVE ? 7 + random.nextInt(2) : lowNps(random);
            case "CSAT":
                return this == PROMOTER
                        ? 4 + random.nextInt(2)
                        : this == PASSIVE ? 3 + random.nextInt(2) : 1 + random.nextInt(2);
            case "CES":
                return this == PROMOTER
                        ? 6 + random.nextInt(2)
                        : this == PASSIVE ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            default:
                throw new IllegalArgumentException("unknown survey type " + surveyType);
        }
    }

    /** Detractor scores cluster low but spread over 0-6. */
    private static int lowNps(SplittableRandom random) {
        int a = random.nextInt(7);
        int b = random.nextInt(7);
        return Math.min(a, b) + (random.nextDouble() < 0.3 ? 0 : Math.abs(a - b) / 2);
    }
}
