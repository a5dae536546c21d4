-- The knowledge base: documents, chunks, embeddings and the indexed folder.

-- name: ListDocuments :many
-- Every document with its number of chunks, by path.
SELECT d.id, d.path, d.title, d.content_hash, d.indexed_at,
       (SELECT count(*) FROM kb_chunks c WHERE c.document_id = d.id)::int AS chunks
FROM kb_documents d
ORDER BY d.path;

-- name: InsertDocument :one
INSERT INTO kb_documents (path, title, content_hash)
VALUES (sqlc.arg(path), sqlc.arg(title), sqlc.arg(content_hash))
RETURNING *;

-- name: UpdateDocument :exec
UPDATE kb_documents
SET title = sqlc.arg(title), content_hash = sqlc.arg(content_hash), indexed_at = now()
WHERE id = sqlc.arg(id);

-- name: DeleteDocument :exec
DELETE FROM kb_documents WHERE id = sqlc.arg(id);

-- name: ListChunkHashes :many
SELECT id, content_hash FROM kb_chunks WHERE document_id = sqlc.arg(document_id);

-- name: InsertChunk :exec
-- `heading_lemmas` and `body_lemmas`: the same texts with each word's lemma (kb.index).
INSERT INTO kb_chunks (
    document_id, ordinal, heading_path, body, content_hash, heading_lemmas, body_lemmas
)
VALUES (
    sqlc.arg(document_id), sqlc.arg(ordinal), sqlc.arg(heading_path), sqlc.arg(body),
    sqlc.arg(content_hash), sqlc.arg(heading_lemmas), sqlc.arg(body_lemmas)
);

-- name: MoveChunk :exec
-- An unchanged passage whose place in the document moved, or whose lemmas are new (read
-- again by another lemmatizer, or indexed before passages had lemmas).
UPDATE kb_chunks
SET ordinal = sqlc.arg(ordinal), heading_lemmas = sqlc.arg(heading_lemmas),
    body_lemmas = sqlc.arg(body_lemmas)
WHERE id = sqlc.arg(id)
  AND (ordinal <> sqlc.arg(ordinal) OR heading_lemmas <> sqlc.arg(heading_lemmas)
       OR body_lemmas <> sqlc.arg(body_lemmas));

-- name: DeleteChunks :execrows
DELETE FROM kb_chunks WHERE id = ANY (sqlc.arg(ids)::bigint[]);

-- name: SearchChunks :many
-- Full-text search: the passages matching `match` (a to_tsquery expression of plain
-- words, see kb.query) by their Postgres stems (`tsv`), or `lemma_match` (the same with
-- each word's lemma) by their lemmas (`lemma_tsv`), ranked by `ts_rank_cd` (normalised to
-- 0-1, the better of the two) against `query` (all the question's terms, OR-ed) and
-- `lemma_query`; `terms` and `lemma_terms` are those terms one by one. Of the 50 best by
-- rank, the passages containing more of the terms (by stem or by lemma) come first, then
-- the higher rank; `terms_mask` says which terms each contains (term n is bit n-1).
-- `stamp` is the index's state, as KbIndexState has it: cached vocabularies check it.
WITH q AS (
    SELECT format('%s@%s', (SELECT max(id) FROM kb_chunks),
                  (SELECT extract(epoch FROM indexed_at) FROM kb_folder)) AS stamp,
           to_tsquery('portuguese', kb_unaccent(sqlc.arg(query)::text)) AS query,
           to_tsquery('portuguese', kb_unaccent(sqlc.arg(match)::text)) AS match,
           to_tsquery('simple', sqlc.arg(lemma_query)::text) AS lemma_query,
           to_tsquery('simple', sqlc.arg(lemma_match)::text) AS lemma_match,
           ARRAY(
               SELECT to_tsquery('portuguese', kb_unaccent(t.term))
               FROM unnest(sqlc.arg(terms)::text[]) WITH ORDINALITY AS t (term, n)
               ORDER BY t.n
           ) AS terms,
           ARRAY(
               SELECT to_tsquery('simple', t.term)
               FROM unnest(sqlc.arg(lemma_terms)::text[]) WITH ORDINALITY AS t (term, n)
               ORDER BY t.n
           ) AS lemma_terms
), ranked AS (
    SELECT c.id, c.document_id, c.heading_path, c.body, c.tsv, c.lemma_tsv, q.terms,
           q.lemma_terms, q.stamp,
           greatest(ts_rank_cd(c.tsv, q.query, 32), ts_rank_cd(c.lemma_tsv, q.lemma_query, 32))
               AS rank
    FROM kb_chunks c, q
    WHERE c.tsv @@ q.match OR c.lemma_tsv @@ q.lemma_match
    ORDER BY rank DESC, c.id
    LIMIT 50
)
SELECT r.id, d.path AS document, r.heading_path, r.body, r.rank::float8 AS score,
       (SELECT count(*) FROM unnest(r.terms) WITH ORDINALITY AS t (term, n)
        WHERE r.tsv @@ t.term OR r.lemma_tsv @@ r.lemma_terms[t.n])::int AS terms_matched,
       (SELECT coalesce(sum(1::bigint << (t.n - 1)::int), 0)
        FROM unnest(r.terms) WITH ORDINALITY AS t (term, n)
        WHERE r.tsv @@ t.term OR r.lemma_tsv @@ r.lemma_terms[t.n])::bigint AS terms_mask,
       r.stamp::text AS stamp
FROM ranked r
JOIN kb_documents d ON d.id = r.document_id
ORDER BY terms_matched DESC, score DESC, r.id
LIMIT sqlc.arg(max_rows);

-- name: AbsentTerms :many
-- The terms (to_tsquery expressions) that no passage contains, by stem or by lemma
-- (`lemma_terms`: the same terms with each word's lemma, in the same order); terms made
-- only of stop words count as present.
SELECT t.term::text AS term
FROM unnest(sqlc.arg(terms)::text[]) WITH ORDINALITY AS t (term, n)
WHERE numnode(to_tsquery('portuguese', kb_unaccent(t.term))) > 0
  AND NOT EXISTS (
      SELECT 1 FROM kb_chunks c
      WHERE c.tsv @@ to_tsquery('portuguese', kb_unaccent(t.term))
         OR c.lemma_tsv @@ to_tsquery('simple', (sqlc.arg(lemma_terms)::text[])[t.n])
  );

-- name: RankSentences :many
-- How well each sentence matches the query, by position (from 1): the query's terms it
-- contains, by stem or by lemma (`lemmas`: each sentence's words by their lemma;
-- `lemma_terms`: the terms' lemmas), as a bit mask (term n is bit n-1), and its rank.
WITH s AS (
    SELECT u.position, to_tsvector('portuguese', kb_unaccent(u.sentence)) AS tsv,
           to_tsvector('simple', (sqlc.arg(lemmas)::text[])[u.position]) AS lemma_tsv
    FROM unnest(sqlc.arg(sentences)::text[]) WITH ORDINALITY AS u (sentence, position)
)
SELECT s.position::int AS position,
       greatest(
           ts_rank_cd(s.tsv, to_tsquery('portuguese', kb_unaccent(sqlc.arg(query)::text))),
           ts_rank_cd(s.lemma_tsv, to_tsquery('simple', sqlc.arg(lemma_query)::text))
       )::float8 AS score,
       (SELECT coalesce(sum(1::bigint << (t.n - 1)::int), 0)
        FROM unnest(sqlc.arg(terms)::text[]) WITH ORDINALITY AS t (term, n)
        WHERE s.tsv @@ to_tsquery('portuguese', kb_unaccent(t.term))
           OR s.lemma_tsv @@ to_tsquery('simple', (sqlc.arg(lemma_terms)::text[])[t.n])
       )::bigint AS terms_mask
FROM s;

-- name: GetChunks :many
SELECT c.id, d.path AS document, c.heading_path, c.body
FROM kb_chunks c
JOIN kb_documents d ON d.id = c.document_id
WHERE c.id = ANY (sqlc.arg(ids)::bigint[]);

-- name: ChunksWithoutEmbedding :many
SELECT c.id, c.heading_path, c.body
FROM kb_chunks c
WHERE NOT EXISTS (
    SELECT 1 FROM kb_embeddings e WHERE e.chunk_id = c.id AND e.model = sqlc.arg(model)
)
ORDER BY c.id;

-- name: InsertEmbedding :exec
INSERT INTO kb_embeddings (chunk_id, model, embedding)
VALUES (sqlc.arg(chunk_id), sqlc.arg(model), sqlc.arg(embedding)::real[])
ON CONFLICT (chunk_id, model) DO UPDATE SET embedding = EXCLUDED.embedding;

-- name: SearchEmbeddings :many
-- Nearest passages by cosine similarity (pgvector's <=>), best first.
SELECT e.chunk_id,
       (1 - (e.embedding::vector <=> sqlc.arg(embedding)::real[]::vector))::float8 AS similarity
FROM kb_embeddings e
WHERE e.model = sqlc.arg(model)
ORDER BY e.embedding::vector <=> sqlc.arg(embedding)::real[]::vector, e.chunk_id
LIMIT sqlc.arg(max_rows);

-- name: KbIndexState :one
-- Whether any passage is indexed, and a stamp of the index that changes whenever it does:
-- the newest chunk id (identity: inserts raise it) and when the folder was last indexed
-- (every `kb index` run writes it, deletions included).
SELECT EXISTS (SELECT 1 FROM kb_chunks) AS present,
       format('%s@%s', (SELECT max(id) FROM kb_chunks),
              (SELECT extract(epoch FROM indexed_at) FROM kb_folder))::text AS stamp;

-- name: HasPgvector :one
SELECT (to_regtype('vector') IS NOT NULL)::boolean AS present;

-- name: GetFolder :one
SELECT * FROM kb_folder;

-- name: SaveFolder :exec
INSERT INTO kb_folder (id, path, fingerprint) VALUES (true, sqlc.arg(path), sqlc.arg(fingerprint))
ON CONFLICT (id) DO UPDATE
SET path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint, indexed_at = now();

-- name: KbVocabulary :one
-- Every word of the indexed passages (headings and bodies), lower case and accents
-- folded, unstemmed, and their lemmas: what a misspelt word of a question is corrected
-- towards; with the index's stamp (as KbIndexState has it) it was read at.
SELECT format('%s@%s', (SELECT max(id) FROM kb_chunks),
              (SELECT extract(epoch FROM indexed_at) FROM kb_folder))::text AS stamp,
       ARRAY(
           SELECT word::text
           FROM ts_stat('SELECT to_tsvector(''simple'', lower(kb_unaccent(heading_path || '' '' || body))) || lemma_tsv FROM kb_chunks')
       )::text[] AS words;

-- name: TermDocumentFrequencies :many
-- For each term (a to_tsquery expression), how many passages contain it (in their own
-- heading or their body), by stem or by lemma (`lemma_terms`: the terms' lemmas, in the
-- same order), and how many passages there are: the rarity that weighs a question's
-- terms (kb.search). Terms made only of stop words come back with `passages` = `total`
-- (they say nothing).
SELECT t.term::text AS term,
       CASE WHEN numnode(to_tsquery('portuguese', kb_unaccent(t.term))) = 0
            THEN (SELECT count(*) FROM kb_chunks)
            ELSE (SELECT count(*) FROM kb_chunks c
                  WHERE c.tsv @@ to_tsquery('portuguese', kb_unaccent(t.term))
                     OR c.lemma_tsv @@ to_tsquery('simple', (sqlc.arg(lemma_terms)::text[])[t.n]))
       END::int AS passages,
       (SELECT count(*) FROM kb_chunks)::int AS total
FROM unnest(sqlc.arg(terms)::text[]) WITH ORDINALITY AS t (term, n);
