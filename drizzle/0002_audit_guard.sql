-- The audit trail is append-only: UPDATE, DELETE and TRUNCATE of entries and checkpoints are refused by the
-- database itself, whatever the application does. (Someone who can disable triggers can still tamper; that
-- is what the hash chain, the per-entry MAC and the signed checkpoints detect.)
CREATE OR REPLACE FUNCTION salur_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION salur_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION salur_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION salur_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION salur_audit_append_only();
--> statement-breakpoint
-- The chain's head: one row, locked FOR UPDATE by every append so seq is gapless and the chain never forks.
INSERT INTO audit_head (id, seq, head_hash, frontier)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', '[]'::jsonb)
  ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- The head row must never disappear: without it no write can be recorded.
CREATE OR REPLACE FUNCTION salur_audit_head_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit head cannot be deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_keep BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION salur_audit_head_keep();
