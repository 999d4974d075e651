-- Up Migration
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE document_snapshots (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  upto_seq BIGINT NOT NULL,
  data BYTEA NOT NULL
);

CREATE TABLE document_updates (
  seq BIGSERIAL PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  data BYTEA NOT NULL
);

CREATE INDEX document_updates_by_document ON document_updates (document_id, seq);

-- Down Migration
DROP TABLE document_updates;
DROP TABLE document_snapshots;
DROP TABLE documents;
