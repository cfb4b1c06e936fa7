-- Illegal status changes of an application are refused by the database itself, whatever code issues the
-- UPDATE: the legal edges are exactly those of the workflow engine (src/workflow/engine.ts; a test compares
-- the two). Inserts are not guarded: imported central lists arrive in the status they had at the source.
CREATE TABLE enrollment_status_edges (
  from_status text NOT NULL,
  to_status text NOT NULL,
  PRIMARY KEY (from_status, to_status)
);
--> statement-breakpoint
INSERT INTO enrollment_status_edges (from_status, to_status) VALUES
  ('draft', 'submitted'),
  ('submitted', 'draft'),
  ('submitted', 'verified'),
  ('submitted', 'rejected'),
  ('verified', 'validated'),
  ('verified', 'submitted'),
  ('verified', 'rejected'),
  ('validated', 'selected'),
  ('validated', 'rejected'),
  ('selected', 'validated'),
  ('selected', 'published'),
  ('published', 'objection_upheld'),
  ('published', 'approved'),
  ('approved', 'paid'),
  ('approved', 'payment_failed'),
  ('payment_failed', 'approved'),
  ('paid', 'payment_returned'),
  ('paid', 'received'),
  ('draft', 'withdrawn'),
  ('submitted', 'withdrawn'),
  ('verified', 'withdrawn'),
  ('validated', 'withdrawn'),
  ('selected', 'withdrawn'),
  ('published', 'withdrawn');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION salur_enrollment_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
    SELECT 1 FROM enrollment_status_edges WHERE from_status = OLD.status AND to_status = NEW.status
  ) THEN
    RAISE EXCEPTION 'illegal enrollment status change % -> %', OLD.status, NEW.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enrollments_status_guard BEFORE UPDATE OF status ON enrollments
  FOR EACH ROW EXECUTE FUNCTION salur_enrollment_status_guard();
