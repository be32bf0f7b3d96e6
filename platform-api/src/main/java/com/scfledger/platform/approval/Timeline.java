package com.scfledger.platform.approval;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline table of one kind of application (its steps in order, never changed). The repositories of KYC and
 * financing each hold one for their own table.
 */
public final class Timeline {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String insert;
    private final String select;

    /**
     * @param table       the events table (a constant of our schema, never input)
     * @param ownerColumn the column naming the application
     */
    public Timeline(JdbcClient jdbc, JsonMapper json, String table, String ownerColumn) {
        this.jdbc = jdbc;
        this.json = json;
        this.insert = "INSERT INTO " + table + " (" + ownerColumn + ", at, actor_id, actor_name, action, from_status,"
                + " to_status, facts, note, ledger_tx_id)"
                + " VALUES (:owner, :at, :aid, :aname, :action, :from, :to, CAST(:facts AS jsonb), :note, :tx)";
        this.select = "SELECT * FROM " + table + " WHERE " + ownerColumn + " = :owner ORDER BY id";
    }

    public void append(String applicationId, TimelineEntry e) {
        jdbc.sql(insert).param("owner", applicationId).param("at", Columns.timestamp(e.at()))
                .param("aid", e.actor().id()).param("aname", e.actor().name()).param("action", e.action())
                .param("from", e.fromStatus()).param("to", e.toStatus())
                .param("facts", json.writeValueAsString(e.facts() == null ? TimelineFacts.NONE : e.facts()))
                .param("note", e.note())
                .param("tx", e.ledgerTxId())
                .update();
    }

    public List<EventView> entries(String applicationId) {
        return jdbc.sql(select).param("owner", applicationId)
                .query((rs, i) -> new EventView(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("from_status"), rs.getString("to_status"),
                        json.readValue(rs.getString("facts"), TimelineFacts.class), rs.getString("note"),
                        rs.getString("ledger_tx_id")))
                .list();
    }
}
