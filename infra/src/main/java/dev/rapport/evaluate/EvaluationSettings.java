package dev.rapport.evaluate;

/**
 * How an evaluation runs.
 *
 * @param parallelism Flink parallelism of each job
 * @param threshold the probabilistic match threshold to write into each config, or null for the default
 * @param persons persons of the generated company
 */
public record EvaluationSettings(int parallelism, Double threshold, int persons) {

    public EvaluationSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1");
        }
    }

    /** The {@code identity:} section of a config. */
    String identityYaml() {
        return "identity:\n"
                + "  rules: [email, phone, source_customer_ref]\n"
                + (threshold == null ? "" : "  probabilistic: {threshold: " + threshold + "}\n");
    }
}
