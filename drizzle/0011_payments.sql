CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"program_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"decree_id" text NOT NULL,
	"decree_number" text NOT NULL,
	"bank_agency_id" uuid NOT NULL,
	"split_key" text DEFAULT 'none' NOT NULL,
	"split_value" text,
	"status" text NOT NULL,
	"line_count" integer NOT NULL,
	"total_amount" bigint NOT NULL,
	"lines_sha256" text NOT NULL,
	"claim_deadline" date NOT NULL,
	"prepared_by" uuid,
	"prepared_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"export_sha256" text,
	"export_format" text,
	"deadline_applied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "payment_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"reference" text NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"account_name" text NOT NULL,
	"branch_code" text NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"rt" text,
	"status" text DEFAULT 'issued' NOT NULL,
	"bank_reference" text,
	"paid_on" date,
	"failure_reason" text,
	"failure_text" text,
	"returned_on" date,
	"resolution" text,
	"reissued_as" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_lines_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "payment_result_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"statement_number" text,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"summary" jsonb NOT NULL,
	"bank_totals" jsonb
);
--> statement-breakpoint
CREATE TABLE "payment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"line_id" uuid,
	"reference" text NOT NULL,
	"bank_reference" text NOT NULL,
	"outcome" text NOT NULL,
	"amount" bigint NOT NULL,
	"value_date" date,
	"reason" text,
	"reason_text" text,
	"disposition" text NOT NULL,
	"refusal_code" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_bank_agency_id_agencies_id_fk" FOREIGN KEY ("bank_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_result_files" ADD CONSTRAINT "payment_result_files_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_result_files" ADD CONSTRAINT "payment_result_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_results" ADD CONSTRAINT "payment_results_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_results" ADD CONSTRAINT "payment_results_file_id_payment_result_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."payment_result_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_results" ADD CONSTRAINT "payment_results_line_id_payment_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payment_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_batches_period_idx" ON "payment_batches" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_batch_line_uq" ON "payment_lines" USING btree ("batch_id","line_number");--> statement-breakpoint
CREATE INDEX "payment_lines_batch_status_idx" ON "payment_lines" USING btree ("batch_id","status");--> statement-breakpoint
CREATE INDEX "payment_lines_village_idx" ON "payment_lines" USING btree ("village_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_enrollment_live_uq" ON "payment_lines" USING btree ("enrollment_id") WHERE status in ('issued', 'sent', 'paid');--> statement-breakpoint
CREATE UNIQUE INDEX "payment_result_files_sha_uq" ON "payment_result_files" USING btree ("batch_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_result_files_statement_uq" ON "payment_result_files" USING btree ("batch_id","statement_number") WHERE statement_number is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_results_once_uq" ON "payment_results" USING btree ("batch_id","reference","bank_reference") WHERE disposition in ('applied', 'held');--> statement-breakpoint
CREATE INDEX "payment_results_file_idx" ON "payment_results" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "payment_results_line_idx" ON "payment_results" USING btree ("line_id");