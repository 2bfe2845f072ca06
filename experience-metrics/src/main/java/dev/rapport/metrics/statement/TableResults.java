package dev.rapport.metrics.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** Waiting for a Flink SQL job and reading a query's rows, with errors that say which job. */
public final class TableResults {

    private TableResults() {}

    /** Waits for the statements' job; its failure is rethrown naming {@code job}. */
    public static void await(TableResult result, String job) {
        try {
            result.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + job, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + job + " failed", e.getCause());
        }
    }

    /** Every row of a query's result; a failure is rethrown naming {@code what} was read. */
    public static List<Row> collect(TableResult result, String what) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + what, e);
        }
        return rows;
    }
}
