-- The message a receipt answered, as a SHA-256 digest of its text: the same message id
-- sent again with another text is a client's mistake the API answers with 409, never the
-- old reply. NULL on receipts written before this column, and on media messages (no text).

ALTER TABLE message_receipts ADD COLUMN text_sha256 text
    CONSTRAINT message_receipts_text_sha256_hex CHECK (text_sha256 ~ '^[0-9a-f]{64}$');

COMMENT ON COLUMN message_receipts.text_sha256 IS
    'SHA-256 (hex) of the message text the receipt answered (NULL: unknown or not text).';
