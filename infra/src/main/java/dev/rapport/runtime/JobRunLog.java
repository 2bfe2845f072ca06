package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code ops.job_runs}: one row per run of a batch job, after it ends, with what it read
 * and wrote. Written by the process that ran the job, so a failed run is recorded too.
 */
public final class JobRunLog {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    private final CatalogConfig catalog;

    public JobRunLog(CatalogConfig catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** What one run read and wrote; a failed run has empty maps and its error. */
    public record Run(
            String runId,
            String job,
            Instant startedAt,
            Instant endedAt,
            Map<String, Long> inputs,
            Map<String, Long> outputs,
            String outcome,
            String error) {

        public Run {
            requireNonNull(runId, "runId is null");
            requireNonNull(job, "job is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(endedAt, "endedAt is null");
            inputs = Map.copyOf(requireNonNull(inputs, "inputs is null"));
            outputs = Map.copyOf(requireNonNull(outputs, "outputs is null"));
            requireNonNull(outcome, "outcome is null");
        }

        public static Run succeeded(
                String runId, String job, Instant startedAt, Map<String, Long> inputs, Map<String, Long> outputs) {
            return new Run(runId, job, startedAt, Instant.now(), inputs, outputs, SUCCEEDED, null);
        }

        public static Run failed(String runId, String job, Instant startedAt, Throwable cause) {
            String error = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
            return new Run(runId, job, startedAt, Instant.now(), Map.of(), Map.of(), FAILED, error);
        }
    }

    public void record(Run run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_id", run.runId());
        row.put("job", run.job());
        row.put("started_at", run.startedAt().atOffset(ZoneOffset.UTC));
        row.put("ended_at", run.endedAt().atOffset(ZoneOffset.UTC));
        row.put("inputs", run.inputs());
        row.put("outputs", run.outputs());
        row.put("outcome", run.outcome());
        row.put("error", run.error());
        SmallTableAppend.append(catalog, RapportTables.JOB_RUNS, run.runId(), List.of(row));
    }
}
