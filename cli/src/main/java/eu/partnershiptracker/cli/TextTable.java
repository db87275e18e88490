package eu.partnershiptracker.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A plain-text table with aligned columns, for reading in a terminal. */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(final String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; null cells print as "-". */
    TextTable row(final String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + headers.size() + " cells, got " + cells.length);
        }
        final List<String> row = new ArrayList<>(cells.length);
        for (final String cell : cells) {
            row.add(Objects.requireNonNullElse(cell, "-"));
        }
        rows.add(row);
        return this;
    }

    void print(final PrintWriter out) {
        final int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (final List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printRow(out, headers, widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    private static void printRow(final PrintWriter out, final List<String> cells, final int[] widths) {
        final StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            if (column > 0) {
                line.append("  ");
            }
            line.append(column == cells.size() - 1 ? cells.get(column)
                    : String.format("%-" + widths[column] + "s", cells.get(column)));
        }
        out.println(line.toString().stripTrailing());
    }
}
