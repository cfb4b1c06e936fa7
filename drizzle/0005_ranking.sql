CREATE TABLE "rating_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"judges" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "selection_results" (
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"eligible" boolean NOT NULL,
	"levels" "bytea" NOT NULL,
	"birth_key" integer NOT NULL,
	"registration_number" bigint NOT NULL,
	"rank" integer,
	"selected" boolean NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "selection_results_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
CREATE TABLE "selection_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"run_number" integer NOT NULL,
	"rating_model_id" uuid NOT NULL,
	"model_version" integer NOT NULL,
	"engine_version" text NOT NULL,
	"snapshot" text NOT NULL,
	"snapshot_sha256" text NOT NULL,
	"inputs_sha256" text NOT NULL,
	"sha256" text NOT NULL,
	"reference_date" date NOT NULL,
	"rules" jsonb NOT NULL,
	"applicant_count" integer NOT NULL,
	"eligible_count" integer NOT NULL,
	"selected_count" integer NOT NULL,
	"limited_by" text NOT NULL,
	"cutoff_score" double precision,
	"total_amount" bigint NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text
);
--> statement-breakpoint
ALTER TABLE "rating_models" ADD CONSTRAINT "rating_models_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_results" ADD CONSTRAINT "selection_results_run_id_selection_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."selection_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_results" ADD CONSTRAINT "selection_results_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_runs" ADD CONSTRAINT "selection_runs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_runs" ADD CONSTRAINT "selection_runs_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_runs" ADD CONSTRAINT "selection_runs_rating_model_id_rating_models_id_fk" FOREIGN KEY ("rating_model_id") REFERENCES "public"."rating_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_models_program_version_uq" ON "rating_models" USING btree ("program_id","version");--> statement-breakpoint
CREATE INDEX "selection_results_enrollment_idx" ON "selection_results" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "selection_results_run_village_idx" ON "selection_results" USING btree ("run_id","village_code");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_runs_period_run_uq" ON "selection_runs" USING btree ("period_id","run_number");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_runs_sha256_uq" ON "selection_runs" USING btree ("sha256");