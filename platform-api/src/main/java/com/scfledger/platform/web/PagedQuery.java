package com.scfledger.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A filtered, sorted page of one read-model table with its total count, in one query. Each condition is added
 * only when its value is given, so list endpoints state their filters once instead of building SQL by hand.
 */
public final class PagedQuery {

    private final String table;
    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Set<String> filtered = new HashSet<>();
    private String countsTable;
    private String countColumn;
    private Set<String> countedBy = Set.of();

    public PagedQuery(final String table) {
        this.table = table;
    }

    public PagedQuery equalTo(final String column, final Object value) {
        return condition(column, column + " = :" + column, column, value);
    }

    public PagedQuery in(final String column, final Collection<?> values) {
        return values == null || values.isEmpty() ? this
                : condition(column, column + " IN (:" + column + ")", column, new ArrayList<>(values));
    }

    public PagedQuery atLeast(final String column, final Object value) {
        return condition(column, column + " >= :" + column + "_from", column + "_from", value);
    }

    public PagedQuery atMost(final String column, final Object value) {
        return condition(column, column + " <= :" + column + "_to", column + "_to", value);
    }

    /**
     * Totals from a table of counts kept beside this one (a row per combination of {@code columns}, its count in
     * {@code countColumn}) whenever every condition is on those columns: the sum of a few rows instead of a count
     * that grows with the table.
     */
    public PagedQuery countedIn(final String table, final String countColumn, final Set<String> columns) {
        this.countsTable = table;
        this.countColumn = countColumn;
        this.countedBy = Set.copyOf(columns);
        return this;
    }

    private PagedQuery condition(final String column, final String sql, final String param, final Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(param, value);
            filtered.add(column);
        }
        return this;
    }

    private long count(final JdbcClient jdbc) {
        String sql = countsTable != null && countedBy.containsAll(filtered)
                ? "SELECT coalesce(sum(" + countColumn + "), 0) FROM " + countsTable + where
                : "SELECT count(*) FROM " + table + where;
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /**
     * The page, then its total. The page is its own query so that PostgreSQL can walk an index in the sort's order
     * and stop after {@code size} rows (a window count would read and sort every matching row first). The total is
     * known without counting when the page is the last one; otherwise a count(*) of the same filter, which an
     * index holding the filtered columns answers without reading the table, or the sum of a few rows of a table of
     * counts (see {@link #countedIn}).
     */
    public <T> PageResult<T> page(final JdbcClient jdbc, final String columns, final String orderBy, final int page,
            final int size, final RowMapper<T> mapper) {
        long offset = (long) page * size;
        List<T> items = jdbc.sql("SELECT " + columns + " FROM " + table + where + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", offset)
                .query(mapper).list();
        boolean lastPage = items.size() < size && (!items.isEmpty() || page == 0);
        long total = lastPage ? offset + items.size() : count(jdbc);
        return PageResult.of(items, page, size, total);
    }
}
