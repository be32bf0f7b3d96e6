-- Notifications are derived by query from the read model (notification/Notifications); only whether a reader has
-- seen one is stored. reader_id is the user's (or the API key's) id; notification_id is the derived id, such as
-- TOKEN_RECEIVED~<tokenId>. This is UI read state, not business data, so it is not audited.
CREATE TABLE notification_reads (
    reader_id        uuid         NOT NULL,
    notification_id  varchar(300) NOT NULL,
    read_at          timestamptz  NOT NULL,
    PRIMARY KEY (reader_id, notification_id)
);
