-- name: GetMessageReceipt :one
-- The reply already given to a message id of this lead and channel, if any.
SELECT * FROM message_receipts
WHERE lead_id = sqlc.arg(lead_id) AND channel = sqlc.arg(channel)
  AND message_id = sqlc.arg(message_id);

-- name: InsertMessageReceipt :exec
INSERT INTO message_receipts (lead_id, channel, message_id, reply, text_sha256)
VALUES (sqlc.arg(lead_id), sqlc.arg(channel), sqlc.arg(message_id), sqlc.arg(reply),
        sqlc.narg(text_sha256));

-- name: ListMessageReceipts :many
SELECT * FROM message_receipts WHERE lead_id = sqlc.arg(lead_id)
ORDER BY received_at, message_id;

-- name: DeleteMessageReceipts :execrows
-- A pruned conversation's receipts: the replies they keep go with its messages.
DELETE FROM message_receipts WHERE lead_id = sqlc.arg(lead_id);
