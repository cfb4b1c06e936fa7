CREATE TABLE "portal_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"rt" text,
	"reason_code" text NOT NULL,
	"reason" text NOT NULL,
	"contact_cipher" "bytea",
	"state" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_attempts" (
	"key" text NOT NULL,
	"bucket" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portal_attempts_key_bucket_pk" PRIMARY KEY("key","bucket")
);
--> statement-breakpoint
CREATE TABLE "portal_publication_entries" (
	"publication_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"enrollment_version" integer NOT NULL,
	CONSTRAINT "portal_publication_entries_publication_id_ref_pk" PRIMARY KEY("publication_id","ref")
);
--> statement-breakpoint
CREATE TABLE "portal_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"kind" text NOT NULL,
	"program_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"state" text DEFAULT 'prepared' NOT NULL,
	"snapshot" text NOT NULL,
	"sha256" text NOT NULL,
	"objection_ends_on" date,
	"prepared_by" uuid,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "portal_objections" ADD CONSTRAINT "portal_objections_publication_id_portal_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."portal_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objections" ADD CONSTRAINT "portal_objections_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publication_entries" ADD CONSTRAINT "portal_publication_entries_publication_id_portal_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."portal_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publication_entries" ADD CONSTRAINT "portal_publication_entries_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_objections_village_idx" ON "portal_objections" USING btree ("village_code","state");--> statement-breakpoint
CREATE INDEX "portal_objections_enrollment_idx" ON "portal_objections" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "portal_attempts_expiry_idx" ON "portal_attempts" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_publications_seq_uq" ON "portal_publications" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "portal_publications_period_idx" ON "portal_publications" USING btree ("period_id","kind");