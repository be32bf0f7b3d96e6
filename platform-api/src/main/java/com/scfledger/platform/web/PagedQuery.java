package com.scfledger.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public PagedQuery(final String table) {
        this.table = table;
    }

    public PagedQuery equalTo(final String column, final Object value) {
        return condition(column + " = :" + column, column, value);
    }

    public PagedQuery in(final String column, final Collection<?> values) {
        return values == null || values.isEmpty() ? this
                : condition(column + " IN (:" + column + ")", column, new ArrayList<>(values));
    }

    public PagedQuery atLeast(final String column, final Object value) {
        return condition(column + " >= :" + column + "_from", column + "_from", value);
    }

    public PagedQuery atMost(final String column, final Object value) {
        return condition(column + " <= :" + column + "_to", column + "_to", value);
    }

    private PagedQuery condition(final String sql, final String param, final Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(param, value);
        }
        return this;
    }

    /** The page, counted by a window function; an empty page past the end is counted on its own. */
    public <T> PageResult<T> page(final JdbcClient jdbc, final String columns, final String orderBy, final int page,
            final int size, final RowMapper<T> mapper) {
        long[] total = {-1};
        List<T> items = jdbc.sql("SELECT " + columns + ", count(*) OVER () AS total FROM " + table + where + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> {
                    total[0] = rs.getLong("total");
                    return mapper.mapRow(rs, i);
                }).list();
        if (total[0] < 0) {
            total[0] = page == 0 ? 0
                    : jdbc.sql("SELECT count(*) FROM " + table + where).params(params).query(Long.class).single();
        }
        return PageResult.of(items, page, size, total[0]);
    }
}
