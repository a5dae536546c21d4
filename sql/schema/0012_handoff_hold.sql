-- A hand-off that holds: after a hand-off the conversation is a person's until a broker
-- releases it (`homer-agent lead release`); what the lead writes meanwhile is stored and
-- forwarded to the brokers, and answered at most once.
--
-- A hand-off is active while handoff_at is set and no release came after it. Each
-- timestamp below counts only when it is later than handoff_at, so a new hand-off starts
-- afresh without clearing them.

ALTER TABLE leads ADD COLUMN handoff_released_at timestamptz;
ALTER TABLE leads ADD COLUMN handoff_replied_at timestamptz;
ALTER TABLE leads ADD COLUMN handoff_message_at timestamptz;

COMMENT ON COLUMN leads.handoff_released_at IS 'When a broker last handed the conversation back to Homer.';
COMMENT ON COLUMN leads.handoff_replied_at IS 'When Homer last answered a message during a hand-off (at most once per hand-off).';
COMMENT ON COLUMN leads.handoff_message_at IS 'When the lead last wrote during a hand-off (bursts are forwarded once).';

-- Hand-offs from before this migration were never held (Homer went on qualifying): they
-- count as released, so no conversation goes quiet on upgrade. Opt-outs keep holding:
-- the lead asked us to stop, and is asked once before anything more is said.
UPDATE leads SET handoff_released_at = now()
WHERE handoff_at IS NOT NULL AND handoff_reason <> 'opt_out';
