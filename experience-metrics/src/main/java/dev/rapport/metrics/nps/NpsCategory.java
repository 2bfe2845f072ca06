package dev.rapport.metrics.nps;

/** Where one Net Promoter Score answer (0 to 10) falls. */
public enum NpsCategory {
    /** 9 or 10: would recommend. */
    PROMOTER,
    /** 7 or 8: satisfied but unenthusiastic; counted as a response, in neither term of the score. */
    PASSIVE,
    /** 0 to 6: would not recommend. */
    DETRACTOR
}
