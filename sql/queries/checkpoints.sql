-- name: HasConversation :one
-- Whether a lead has talked before: a checkpoint of its thread or archived messages.
-- (LangGraph's tables: sql/external/0002_langgraph_checkpoints.sql. PostgresSaver owns
-- their writes and deletes; only reads live here.)
SELECT EXISTS (SELECT 1 FROM checkpoints WHERE thread_id = sqlc.arg(thread_id))
    OR EXISTS (SELECT 1 FROM lead_messages WHERE lead_id = sqlc.arg(lead_id))
    AS has_conversation;

-- name: ListIdleThreads :many
-- The checkpoint threads whose newest checkpoint is older than `idle`.
SELECT thread_id FROM checkpoints
GROUP BY thread_id
HAVING max((checkpoint ->> 'ts')::timestamptz) < now() - sqlc.arg(idle)::interval;
