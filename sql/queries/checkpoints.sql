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

-- name: GetLatestCheckpoint :one
-- The newest checkpoint of a thread's root namespace, in the row shape PostgresSaver's
-- get_tuple loads (its SELECT_SQL, verbatim): a turn reads it in the pipeline that takes
-- the lead lock and reads the lead (one round trip for the three).
SELECT
    checkpoints.thread_id,
    checkpoints.checkpoint,
    checkpoints.checkpoint_ns,
    checkpoints.checkpoint_id,
    checkpoints.parent_checkpoint_id,
    checkpoints.metadata,
    (
        SELECT array_agg(array[bl.channel::bytea, bl.type::bytea, bl.blob])
        FROM jsonb_each_text(checkpoints.checkpoint -> 'channel_versions')
        INNER JOIN checkpoint_blobs bl
            ON bl.thread_id = checkpoints.thread_id
            AND bl.checkpoint_ns = checkpoints.checkpoint_ns
            AND bl.channel = jsonb_each_text.key
            AND bl.version = jsonb_each_text.value
    )::bytea[] AS channel_values,
    (
        SELECT array_agg(array[
            cw.task_id::text::bytea, cw.channel::bytea, cw.type::bytea, cw.blob,
            convert_to(cw.task_path, 'UTF8'), cw.idx::text::bytea
        ])
        FROM checkpoint_writes cw
        WHERE cw.thread_id = checkpoints.thread_id
            AND cw.checkpoint_ns = checkpoints.checkpoint_ns
            AND cw.checkpoint_id = checkpoints.checkpoint_id
    )::bytea[] AS pending_writes
FROM checkpoints
WHERE checkpoints.thread_id = sqlc.arg(thread_id) AND checkpoints.checkpoint_ns = ''
ORDER BY checkpoints.checkpoint_id DESC
LIMIT 1;

-- name: PruneThread :exec
-- Keep only the latest checkpoint of each namespace of a thread (what get_tuple loads),
-- its pending writes and the blobs it references; delete the rest, in one statement on
-- one snapshot (a checkpoint saved meanwhile is neither seen nor deleted). For threads
-- like ours: no DeltaChannel, no subgraph calls, checkpoints of format v4 or later.
WITH latest AS (
    SELECT DISTINCT ON (checkpoint_ns) checkpoint_ns, checkpoint_id, checkpoint
    FROM checkpoints
    WHERE thread_id = sqlc.arg(thread_id)
    ORDER BY checkpoint_ns, checkpoint_id DESC
), gone_writes AS (
    DELETE FROM checkpoint_writes w
    WHERE w.thread_id = sqlc.arg(thread_id)
      AND NOT EXISTS (
          SELECT 1 FROM latest l
          WHERE l.checkpoint_ns = w.checkpoint_ns AND l.checkpoint_id = w.checkpoint_id
      )
), gone_blobs AS (
    DELETE FROM checkpoint_blobs b
    WHERE b.thread_id = sqlc.arg(thread_id)
      AND NOT EXISTS (
          SELECT 1 FROM latest l
          WHERE l.checkpoint_ns = b.checkpoint_ns
            AND l.checkpoint -> 'channel_versions' ->> b.channel = b.version
      )
), gone AS (
    DELETE FROM checkpoints c
    WHERE c.thread_id = sqlc.arg(thread_id)
      AND NOT EXISTS (
          SELECT 1 FROM latest l
          WHERE l.checkpoint_ns = c.checkpoint_ns AND l.checkpoint_id = c.checkpoint_id
      )
)
UPDATE checkpoints c SET parent_checkpoint_id = NULL
FROM latest l
WHERE c.thread_id = sqlc.arg(thread_id)
  AND c.checkpoint_ns = l.checkpoint_ns
  AND c.checkpoint_id = l.checkpoint_id
  AND c.parent_checkpoint_id IS NOT NULL;
