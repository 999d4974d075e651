-- Up Migration
-- The state vector of the snapshot, so that a cold document can answer joiners without parsing it.
ALTER TABLE document_snapshots ADD COLUMN state_vector BYTEA;

-- Down Migration
ALTER TABLE document_snapshots DROP COLUMN state_vector;
