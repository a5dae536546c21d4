-- Passages are found by their own heading first: the passage's own heading weighs A,
-- its body B and the headings above it (the document's title, shared by every passage
-- of the document) only C. With one weight for the whole heading path, a word of a
-- document's title ("Mirante das Dunas") outranked the one section about it ("Casa Duna").

DROP INDEX kb_chunks_tsv;
ALTER TABLE kb_chunks DROP COLUMN tsv;
ALTER TABLE kb_chunks ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('portuguese', kb_unaccent(regexp_replace(heading_path, '^.* > ', ''))), 'A')
    || setweight(to_tsvector('portuguese', kb_unaccent(body)), 'B')
    || setweight(
        to_tsvector('portuguese', kb_unaccent(regexp_replace(heading_path, '( > )?[^>]*$', ''))),
        'C'
    )
) STORED;
CREATE INDEX kb_chunks_tsv ON kb_chunks USING gin (tsv);

COMMENT ON COLUMN kb_chunks.tsv IS
    'Full-text vector (portuguese, accents folded): own heading A, body B, outer headings C.';
