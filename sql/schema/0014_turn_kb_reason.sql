-- Why a turn's question about the development got the passage or the broker line.

ALTER TABLE turns ADD COLUMN kb_reason text
    CONSTRAINT turns_kb_reason_valid CHECK (kb_reason IN (
        'kb_answered', 'kb_no_passage', 'kb_low_confidence', 'price_to_broker'
    ));

COMMENT ON COLUMN turns.kb_reason IS
    'How the turn''s question about the development was answered: kb_answered (a passage of the documents), kb_no_passage (no passage, or a word of the question no document contains), kb_low_confidence (the best passage covers too little of the question), price_to_broker (a price, discount or negotiation question, or a topic the profile leaves to a broker); null when the turn asked nothing.';
