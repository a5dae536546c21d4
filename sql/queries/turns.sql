-- name: InsertTurn :exec
INSERT INTO turns (
    lead_id, model, route, sentiment, temperature, duration_ms, model_ms,
    prompt_tokens, completion_tokens, tool_calls, tool_errors, error, fallback_reason,
    model_calls, model_errors, kb_reason
) VALUES (
    sqlc.arg(lead_id), sqlc.arg(model), sqlc.arg(route), sqlc.arg(sentiment),
    sqlc.arg(temperature), sqlc.arg(duration_ms), sqlc.arg(model_ms),
    sqlc.arg(prompt_tokens), sqlc.arg(completion_tokens), sqlc.arg(tool_calls),
    sqlc.arg(tool_errors), sqlc.narg(error), sqlc.narg(fallback_reason),
    sqlc.arg(model_calls), sqlc.arg(model_errors), sqlc.narg(kb_reason)
);

-- name: RecentSentiments :many
-- The newest compound scores of a lead, newest first, for the mood moving average.
SELECT sentiment FROM turns WHERE lead_id = sqlc.arg(lead_id)
ORDER BY started_at DESC, id DESC LIMIT sqlc.arg(max_rows);

-- name: ListTurns :many
SELECT * FROM turns WHERE lead_id = sqlc.arg(lead_id) ORDER BY started_at, id;
