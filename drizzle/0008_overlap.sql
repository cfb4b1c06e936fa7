CREATE TABLE "match_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"kind" text NOT NULL,
	"probability" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"explanation" jsonb NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"rt" text,
	"village_code_b" text NOT NULL,
	"rt_b" text,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"persons" integer NOT NULL,
	"candidate_pairs" integer NOT NULL,
	"linked_pairs" integer NOT NULL,
	"review_pairs" integer NOT NULL,
	"new_review_pairs" integer NOT NULL,
	"clusters" integer NOT NULL,
	"decisions_applied" integer NOT NULL,
	"match_threshold" double precision NOT NULL,
	"review_threshold" double precision NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overlap_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_a" uuid NOT NULL,
	"program_b" uuid NOT NULL,
	"level" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_person_a_persons_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_person_b_persons_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_run_id_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."match_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlap_rules" ADD CONSTRAINT "overlap_rules_program_a_programs_id_fk" FOREIGN KEY ("program_a") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overlap_rules" ADD CONSTRAINT "overlap_rules_program_b_programs_id_fk" FOREIGN KEY ("program_b") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_reviews_pair_uq" ON "match_reviews" USING btree ("person_a","person_b");--> statement-breakpoint
CREATE INDEX "match_reviews_status_idx" ON "match_reviews" USING btree ("status");--> statement-breakpoint
CREATE INDEX "match_reviews_village_idx" ON "match_reviews" USING btree ("village_code");--> statement-breakpoint
CREATE UNIQUE INDEX "overlap_rules_uq" ON "overlap_rules" USING btree ("program_a","program_b","level","starts_on","ends_on");