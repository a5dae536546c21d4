-- Passages by their lemma: the questions' words are compared by their dictionary form
-- (simplemma, in Python), and so are the passages' now. The indexer writes each word's
-- lemma (accents folded) in place of the word, for the heading path and the body; a second
-- full-text vector with the `simple` configuration (no stemming) holds those lemmas with
-- the same weights as `tsv` (own heading A, body B, outer headings C). Search matches a
-- question's term by the Postgres stem (`tsv`) or by its lemma (`lemma_tsv`): "na mão"
-- meets the document's "tenha em mãos" ("mão"), "enterrado" meets "enterrar".
--
-- Rows indexed before this migration have no lemmas yet: the documents' hashes and the
-- folder's fingerprint are cleared, so the next `kb index` (every `chat` and `serve` start)
-- reads every file again and writes the lemmas of its passages; unchanged passages keep
-- their rows and embeddings.

ALTER TABLE kb_chunks ADD COLUMN heading_lemmas text NOT NULL DEFAULT '';
ALTER TABLE kb_chunks ADD COLUMN body_lemmas text NOT NULL DEFAULT '';
ALTER TABLE kb_chunks ADD COLUMN lemma_tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', regexp_replace(heading_lemmas, '^.* > ', '')), 'A')
    || setweight(to_tsvector('simple', body_lemmas), 'B')
    || setweight(
        to_tsvector('simple', regexp_replace(heading_lemmas, '( > )?[^>]*$', '')), 'C'
    )
) STORED;
CREATE INDEX kb_chunks_lemma_tsv ON kb_chunks USING gin (lemma_tsv);

UPDATE kb_documents SET content_hash = '';
UPDATE kb_folder SET fingerprint = '';

COMMENT ON COLUMN kb_chunks.heading_lemmas IS
    'The heading path with each word replaced by its lemma (accents folded), written by the indexer.';
COMMENT ON COLUMN kb_chunks.body_lemmas IS
    'The body with each word replaced by its lemma (accents folded), written by the indexer.';
COMMENT ON COLUMN kb_chunks.lemma_tsv IS
    'Full-text vector of the lemmas (simple: no stemming): own heading A, body B, outer headings C.';
