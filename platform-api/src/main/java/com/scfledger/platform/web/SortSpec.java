package com.scfledger.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.scfledger.platform.problem.ApiProblem;
import com.scfledger.platform.problem.ProblemCode;

/**
 * Turns {@code sort} request parameters ({@code maturityDate}, {@code -amountMinor}, {@code amountMinor,desc})
 * into an SQL ORDER BY over a whitelist of fields, so no client text ever reaches the SQL. A unique
 * tie-breaker keeps pages stable.
 */
public final class SortSpec {

    private SortSpec() {
    }

    /**
     * @param sort       the request's values (each may hold several comma-separated fields)
     * @param columns    allowed field name → column expression
     * @param fallback   the ORDER BY when nothing is asked for
     * @param tieBreaker unique column(s) appended last
     */
    public static String orderBy(List<String> sort, Map<String, String> columns, String fallback, String tieBreaker) {
        if (sort == null || sort.isEmpty()) {
            return " ORDER BY " + fallback + ", " + tieBreaker;
        }
        List<String> terms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String value : sort) {
            String[] parts = value.split(",");
            for (int i = 0; i < parts.length; i++) {
                String field = parts[i].strip();
                if (field.isEmpty()) {
                    continue;
                }
                boolean desc = field.startsWith("-");
                if (desc || field.startsWith("+")) {
                    field = field.substring(1);
                }
                if (i + 1 < parts.length && (parts[i + 1].strip().equalsIgnoreCase("desc")
                        || parts[i + 1].strip().equalsIgnoreCase("asc"))) {
                    desc = parts[i + 1].strip().equalsIgnoreCase("desc");
                    i++;
                }
                String column = columns.get(field);
                if (column == null) {
                    throw ApiProblem.of(ProblemCode.VALIDATION_FAILED, "Cannot sort by '" + field + "'; sortable: "
                            + String.join(", ", columns.keySet()) + ".")
                            .with("errors", List.of(Map.of("field", "sort", "message", "unknown field " + field)));
                }
                if (seen.add(field)) {
                    terms.add(column + (desc ? " DESC" : " ASC"));
                }
            }
        }
        return " ORDER BY " + (terms.isEmpty() ? fallback : String.join(", ", terms)) + ", " + tieBreaker;
    }
}
