package dev.rapport.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The rows of a query, every value already rendered as text ({@code null} stays null). */
public record QueryResult(List<String> columns, List<List<String>> rows) {

    public QueryResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = requireNonNull(rows, "rows is null").stream()
                .map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList();
    }
}
