package dev.rapport.sql;

import java.util.List;

/** Renders a {@link QueryResult} as an aligned text table or as CSV (RFC 4180). */
public final class TableFormatter {

    private static final String NULL = "NULL";

    private TableFormatter() {}

    public static String aligned(QueryResult result) {
        int[] widths = new int[result.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(result.columns().get(i));
        }
        for (List<String> row : result.rows()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(display(row.get(i))));
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, result.columns(), widths);
        for (int i = 0; i < widths.length; i++) {
            out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append('\n');
        for (List<String> row : result.rows()) {
            appendRow(out, row.stream().map(TableFormatter::display).toList(), widths);
        }
        out.append('(')
                .append(result.rows().size())
                .append(result.rows().size() == 1 ? " row" : " rows")
                .append(")\n");
        return out.toString();
    }

    public static String csv(QueryResult result) {
        StringBuilder out = new StringBuilder();
        appendCsv(out, result.columns());
        for (List<String> row : result.rows()) {
            appendCsv(out, row);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> values, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String value = values.get(i);
            out.append(i == 0 ? "" : " | ").append(value).append(" ".repeat(widths[i] - width(value)));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    private static void appendCsv(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (i > 0) {
                out.append(',');
            }
            if (value == null) {
                continue;
            }
            boolean quote = value.isEmpty()
                    || value.indexOf(',') >= 0
                    || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            out.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        out.append('\n');
    }

    private static String display(String value) {
        return value == null ? NULL : value.replace('\n', ' ').replace('\r', ' ');
    }

    /** Width in terminal columns: code points, so Cyrillic and accented letters align. */
    private static int width(String value) {
        return value.codePointCount(0, value.length());
    }
}
