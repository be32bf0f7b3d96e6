package com.scfledger.platform.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One field of a ledger record and the read-model column that holds it. The same description
 * writes a row from an event, reads it back in the ledger's own form, and compares the two.
 *
 * @param field  the property of the ledger JSON (docs/chaincode.md, "Data model")
 * @param column the column of the read-model table
 * @param type   how the value is stored
 */
record Column(String field, String column, Type type) {

    enum Type { TEXT, LONG, DATE, INSTANT, TEXT_LIST }

    static Column text(String field, String column) {
        return new Column(field, column, Type.TEXT);
    }

    static Column number(String field, String column) {
        return new Column(field, column, Type.LONG);
    }

    static Column date(String field, String column) {
        return new Column(field, column, Type.DATE);
    }

    static Column instant(String field, String column) {
        return new Column(field, column, Type.INSTANT);
    }

    static Column textList(String field, String column) {
        return new Column(field, column, Type.TEXT_LIST);
    }

    /** The SQL parameter for this field of a ledger record (JSON). Numbers must be JSON integers: money is never a float. */
    Object parameter(JsonNode record) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            return type == Type.TEXT_LIST ? "" : null;
        }
        return switch (type) {
            case TEXT -> v.asString();
            case LONG -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new IllegalArgumentException(field + " is not a 64-bit integer: " + v);
                }
                yield v.longValue();
            }
            case DATE -> LocalDate.parse(v.asString());
            case INSTANT -> OffsetDateTime.ofInstant(Instant.parse(v.asString()), ZoneOffset.UTC);
            case TEXT_LIST -> {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asString()));
                yield String.join(",", items);
            }
        };
    }

    /** The SQL expression that binds {@link #parameter} under the given name. */
    String bind(String name) {
        return switch (type) {
            case TEXT_LIST -> "string_to_array(:" + name + ", ',')";
            default -> ":" + name;
        };
    }

    /** The value in a comparable form, from a read-model row. */
    Object fromRow(ResultSet rs) throws SQLException {
        return switch (type) {
            case TEXT -> rs.getString(column);
            case LONG -> {
                long n = rs.getLong(column);
                yield rs.wasNull() ? null : n;
            }
            case DATE -> {
                java.sql.Date d = rs.getDate(column);
                yield d == null ? null : d.toLocalDate().toString();
            }
            case INSTANT -> {
                Timestamp t = rs.getTimestamp(column);
                yield t == null ? null : t.toInstant();
            }
            case TEXT_LIST -> {
                java.sql.Array a = rs.getArray(column);
                yield a == null ? List.of() : Arrays.asList((String[]) a.getArray());
            }
        };
    }

    /** The value in a comparable form, from the ledger's JSON. */
    Object fromLedger(JsonNode record) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            return type == Type.TEXT_LIST ? List.of() : null;
        }
        return switch (type) {
            case TEXT -> v.asString();
            case LONG -> v.isIntegralNumber() && v.canConvertToLong() ? (Object) v.longValue() : v.toString();
            case DATE -> v.asString();
            case INSTANT -> Instant.parse(v.asString());
            case TEXT_LIST -> {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asString()));
                yield items;
            }
        };
    }

    /**
     * Whether two comparable values agree. Instants agree within a microsecond: the ledger keeps
     * transaction timestamps to the nanosecond, PostgreSQL to the microsecond.
     */
    static boolean same(Object readModel, Object ledger) {
        if (readModel instanceof Instant a && ledger instanceof Instant b) {
            return Math.abs(java.time.Duration.between(a, b).toNanos()) < 1_000;
        }
        return java.util.Objects.equals(readModel, ledger);
    }
}
