package dev.rapport.metrics.alert;

import java.io.Serializable;

/**
 * One survey response read from Kafka, a Flink POJO. {@code error} is set (and the other fields
 * may be missing) when the message could not be read; {@code location} is always
 * {@code topic/partition/offset}.
 */
public class SurveyResponse implements Serializable {

    private static final long serialVersionUID = 1L;

    public String location;
    public String error;
    public String source;
    public String responseId;
    public String surveyType;
    public Integer score;
    public String customerSource;
    public String customerRef;
    public String comment;
    public String commentLanguage;
    public String channel;
    public String touchpoint;
    /** Microseconds since the epoch, UTC. */
    public Long respondedAtMicros;

    public SurveyResponse() {}
}
