CREATE TABLE "import_issues" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"column" integer,
	"field" text,
	"code" text NOT NULL,
	"severity" text NOT NULL,
	"params" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"mode" text NOT NULL,
	"invalid_rows" text DEFAULT 'reject_file' NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"program_id" uuid,
	"period_id" uuid,
	"agency_id" uuid,
	"target_key" text NOT NULL,
	"file_name" text NOT NULL,
	"file_format" text,
	"file_bytes" bigint NOT NULL,
	"content_hash" text NOT NULL,
	"stored_as" text NOT NULL,
	"template" jsonb NOT NULL,
	"header_row" integer,
	"sheet_name" text,
	"layout" jsonb,
	"summary" jsonb,
	"notes" jsonb,
	"problem" jsonb,
	"duplicate_of" uuid,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reconciliation_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reconciliation_id" uuid NOT NULL,
	"category" text NOT NULL,
	"central_row" integer,
	"person_id" uuid,
	"village_code" text,
	"district_code" text,
	"rt" text,
	"central_name" text,
	"central_birth_date" text,
	"central_sex" text,
	"central_address" text,
	"central_village_code" text,
	"central_rt" text,
	"central_rw" text,
	"central_nik_cipher" "bytea",
	"central_kk_cipher" "bytea",
	"probability" real,
	"evidence" jsonb,
	"conflicts" jsonb,
	"decision" text,
	"decision_reason" text,
	"decided_by_id" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"state" text DEFAULT 'queued' NOT NULL,
	"program_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"source_name" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"content_hash" text NOT NULL,
	"stored_as" text NOT NULL,
	"template" jsonb NOT NULL,
	"layout" jsonb,
	"counts" jsonb,
	"summary" jsonb,
	"problem" jsonb,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"params" jsonb NOT NULL,
	"stage" text,
	"done" bigint DEFAULT 0 NOT NULL,
	"total" bigint,
	"detail" jsonb,
	"result" jsonb,
	"error_code" text,
	"error_params" jsonb,
	"checkpoint" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"owner" text,
	"heartbeat_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_reconciliation_id_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "public"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_issues_row_idx" ON "import_issues" USING btree ("import_id","row");--> statement-breakpoint
CREATE UNIQUE INDEX "import_templates_name_uq" ON "import_templates" USING btree (coalesce("agency_id"::text, ''),"name");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_applied_uq" ON "imports" USING btree ("content_hash","target_key") WHERE "imports"."state" = 'applied';--> statement-breakpoint
CREATE INDEX "imports_period_idx" ON "imports" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "imports_creator_idx" ON "imports" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "reconciliation_lines_category_idx" ON "reconciliation_lines" USING btree ("reconciliation_id","category");--> statement-breakpoint
CREATE INDEX "reconciliation_lines_area_idx" ON "reconciliation_lines" USING btree ("reconciliation_id","district_code","village_code");--> statement-breakpoint
CREATE INDEX "reconciliations_period_idx" ON "reconciliations" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "jobs_state_idx" ON "jobs" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "jobs_creator_idx" ON "jobs" USING btree ("created_by_id");