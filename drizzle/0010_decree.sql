CREATE TABLE "decree_lines" (
	"decree_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"name" text NOT NULL,
	"nik_masked" text NOT NULL,
	"village_name" text NOT NULL,
	"rt_rw" text NOT NULL,
	"business" text NOT NULL,
	"amount" bigint NOT NULL,
	"text" text NOT NULL,
	"commitment" text NOT NULL,
	CONSTRAINT "decree_lines_decree_id_line_pk" PRIMARY KEY("decree_id","line")
);
--> statement-breakpoint
CREATE TABLE "decree_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"number_pattern" text NOT NULL,
	"paper" text NOT NULL,
	"place" text NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text NOT NULL,
	"logo" "bytea",
	"logo_type" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decree_settings_single_row" CHECK ("decree_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "decree_templates" (
	"program_id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"considering" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"decisions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decrees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_run_id" uuid,
	"amends_id" uuid,
	"superseded_by_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"sequence" integer,
	"year" integer,
	"decreed_on" date,
	"subject" text NOT NULL,
	"considering" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"decisions" jsonb NOT NULL,
	"line_count" integer NOT NULL,
	"total_amount" bigint NOT NULL,
	"annex_csv" text NOT NULL,
	"annex_sha256" text NOT NULL,
	"merkle_root" text NOT NULL,
	"checkpoint_id" integer NOT NULL,
	"checkpoint_root" text NOT NULL,
	"checkpoint_tree_size" bigint NOT NULL,
	"drafted_by_id" uuid,
	"drafted_by_name" text NOT NULL,
	"checked_by_id" uuid,
	"checked_by_name" text,
	"approved_by_id" uuid,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"revoked_reason" text,
	"pdf" "bytea",
	"pdf_sha256" text,
	"signed_pdf" "bytea",
	"signed_pdf_sha256" text,
	"signed_attached_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanggah_windows" (
	"period_id" uuid PRIMARY KEY NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decree_lines" ADD CONSTRAINT "decree_lines_decree_id_decrees_id_fk" FOREIGN KEY ("decree_id") REFERENCES "public"."decrees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decree_lines" ADD CONSTRAINT "decree_lines_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decree_templates" ADD CONSTRAINT "decree_templates_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decrees" ADD CONSTRAINT "decrees_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decrees" ADD CONSTRAINT "decrees_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decrees" ADD CONSTRAINT "decrees_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decrees" ADD CONSTRAINT "decrees_selection_run_id_selection_runs_id_fk" FOREIGN KEY ("selection_run_id") REFERENCES "public"."selection_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanggah_windows" ADD CONSTRAINT "sanggah_windows_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decree_lines_enrollment_uq" ON "decree_lines" USING btree ("decree_id","enrollment_id");--> statement-breakpoint
CREATE INDEX "decree_lines_enrollment_idx" ON "decree_lines" USING btree ("enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decrees_number_uq" ON "decrees" USING btree ("number");--> statement-breakpoint
CREATE INDEX "decrees_program_idx" ON "decrees" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "decrees_period_idx" ON "decrees" USING btree ("period_id");