CREATE TABLE "civil_registry_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"scope" text NOT NULL,
	"area_code" text NOT NULL,
	"period_id" uuid,
	"row_count" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "civil_registry_batches_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "civil_registry_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"nik_index" "bytea",
	"village_code" text NOT NULL,
	"district_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "civil_registry_result_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"summary" jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "civil_registry_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"status" text NOT NULL,
	"checked_on" date NOT NULL,
	"differences" jsonb NOT NULL,
	"registry_kk_cipher" "bytea"
);
--> statement-breakpoint
CREATE TABLE "civil_registry_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"field" text NOT NULL,
	"registry_value" text,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_verifications" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"checked_on" date NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "civil_registry_batches" ADD CONSTRAINT "civil_registry_batches_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_batches" ADD CONSTRAINT "civil_registry_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_lines" ADD CONSTRAINT "civil_registry_lines_batch_id_civil_registry_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."civil_registry_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_lines" ADD CONSTRAINT "civil_registry_lines_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_result_files" ADD CONSTRAINT "civil_registry_result_files_batch_id_civil_registry_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."civil_registry_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_result_files" ADD CONSTRAINT "civil_registry_result_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_results" ADD CONSTRAINT "civil_registry_results_line_id_civil_registry_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."civil_registry_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_results" ADD CONSTRAINT "civil_registry_results_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_results" ADD CONSTRAINT "civil_registry_results_file_id_civil_registry_result_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."civil_registry_result_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_reviews" ADD CONSTRAINT "civil_registry_reviews_result_id_civil_registry_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."civil_registry_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_reviews" ADD CONSTRAINT "civil_registry_reviews_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_reviews" ADD CONSTRAINT "civil_registry_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "civil_registry_reviews" ADD CONSTRAINT "civil_registry_reviews_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_verifications" ADD CONSTRAINT "person_verifications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "civil_registry_lines_batch_line_uq" ON "civil_registry_lines" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "civil_registry_lines_nik_idx" ON "civil_registry_lines" USING btree ("batch_id","nik_index");--> statement-breakpoint
CREATE UNIQUE INDEX "civil_registry_result_files_uq" ON "civil_registry_result_files" USING btree ("batch_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "civil_registry_results_line_uq" ON "civil_registry_results" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "civil_registry_reviews_uq" ON "civil_registry_reviews" USING btree ("result_id","field");--> statement-breakpoint
CREATE INDEX "civil_registry_reviews_open_idx" ON "civil_registry_reviews" USING btree ("village_code") WHERE state in ('open', 'proposed');--> statement-breakpoint
CREATE INDEX "person_verifications_village_idx" ON "person_verifications" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "person_verifications_district_idx" ON "person_verifications" USING btree ("district_code");--> statement-breakpoint
-- After the decree a recipient the civil registry reports dead or moved out is withdrawn (workflow action
-- withdraw_recipient), so no payment batch picks them up.
INSERT INTO enrollment_status_edges (from_status, to_status) VALUES
  ('approved', 'withdrawn'),
  ('payment_failed', 'withdrawn')
ON CONFLICT DO NOTHING;
