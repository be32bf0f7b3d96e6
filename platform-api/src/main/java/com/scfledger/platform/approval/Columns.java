package com.scfledger.platform.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading and writing the column types the application mappers share. */
public final class Columns {

    private Columns() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A signature kept as id, name and time columns; null when nobody signed. {@code atColumn} may be null. */
    public static Signature signature(ResultSet rs, String idColumn, String nameColumn, String atColumn)
            throws SQLException {
        String id = rs.getString(idColumn);
        return id == null ? null
                : new Signature(new Actor(id, rs.getString(nameColumn)), atColumn == null ? null : instant(rs, atColumn));
    }

    public static String actorId(Signature s) {
        return s == null ? null : s.by().id();
    }

    public static String actorName(Signature s) {
        return s == null ? null : s.by().name();
    }

    public static Timestamp signedAt(Signature s) {
        return s == null ? null : timestamp(s.at());
    }
}
