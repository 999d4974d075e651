-- Up Migration
CREATE TABLE recommendations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  rec_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  session_id TEXT,
  session_title TEXT,
  themes JSONB NOT NULL,
  addressees JSONB NOT NULL,
  priority TEXT,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  meeting_title TEXT NOT NULL,
  meeting_dates TEXT NOT NULL,
  PRIMARY KEY (document_id, rec_id)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value JSONB NOT NULL
);

-- Down Migration
DROP TABLE settings;
DROP TABLE recommendations;
