package org.referrals.infra.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's one markdown table: what was measured, its baseline and ratio where there is one, the target. */
final class Table {

    record Row(String measure, String value, String baseline, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String measure, String value, String baseline, String ratio, String target, Boolean met) {
        rows.add(new Row(measure, value, baseline, ratio, target, met == null ? "–" : met ? "yes" : "**no**"));
        System.out.printf("benchmark: %s = %s%n", measure, value);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown(String heading) {
        StringBuilder out = new StringBuilder(heading).append("\n\n| measure | value | baseline | ratio | target | met |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.measure(), row.value(), row.baseline(), row.ratio(), row.target(),
                                                 row.met())).append(" |\n");
        }
        return out.toString();
    }

    static String f(double value) {
        return Double.isNaN(value) ? "–" : value >= 100 ? Long.toString(Math.round(value)) : String.format("%.1f", value);
    }

    /** A phase's bound: seconds under a minute, else whole minutes. */
    static String f(java.time.Duration bound) {
        return bound.toSeconds() < 60 ? bound.toSeconds() + " s" : bound.toMinutes() + " min";
    }
}
