-- Up Migration
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE auth_sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  document_id TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ
);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
  role TEXT,
  delegation TEXT,
  invited_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  accepted_at TIMESTAMPTZ
);

CREATE TABLE members (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  delegation TEXT,
  added_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (document_id, user_id)
);
CREATE INDEX members_by_user ON members(user_id);

CREATE TABLE document_status (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  requested_by TEXT,
  requested_at TIMESTAMPTZ,
  final_version_id TEXT,
  changed_at TIMESTAMPTZ
);

CREATE TABLE approvals (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  delegation TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  approved_at TIMESTAMPTZ NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (document_id, delegation)
);

CREATE TABLE final_versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  content BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX final_versions_by_hash ON final_versions(document_id, sha256);

CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  at TIMESTAMPTZ NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  action TEXT NOT NULL,
  detail JSONB NOT NULL
);
CREATE INDEX audit_log_by_document ON audit_log(document_id, id);

-- Down Migration
DROP TABLE audit_log;
DROP TABLE final_versions;
DROP TABLE approvals;
DROP TABLE document_status;
DROP TABLE members;
DROP TABLE invitations;
DROP TABLE api_tokens;
DROP TABLE auth_sessions;
DROP TABLE users;
