CREATE TABLE "program_policies" (
	"program_id" uuid PRIMARY KEY NOT NULL,
	"required_documents" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_contents" (
	"sha256" text PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sealed" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid,
	"submission_id" uuid,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"original_sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"removed_metadata" jsonb NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"payload_hash" text NOT NULL,
	"officer_id" uuid NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"period_id" uuid NOT NULL,
	"person_id" uuid,
	"enrollment_id" uuid,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"rt" text,
	"appeared_in_person" boolean NOT NULL,
	"presenter_name" text,
	"presenter_relation" text,
	"presenter_nik_cipher" "bytea",
	"presenter_phone_cipher" "bytea",
	"presenter_key" text,
	"result" jsonb,
	"conflict" jsonb
);
--> statement-breakpoint
ALTER TABLE "program_policies" ADD CONSTRAINT "program_policies_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_sha256_document_contents_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."document_contents"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_enrollment_idx" ON "documents" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "documents_submission_idx" ON "documents" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_current_kind_uq" ON "documents" USING btree ("enrollment_id","kind") WHERE "documents"."superseded_at" is null and "documents"."enrollment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_staged_kind_uq" ON "documents" USING btree ("submission_id","kind") WHERE "documents"."superseded_at" is null and "documents"."enrollment_id" is null;--> statement-breakpoint
CREATE INDEX "registrations_presenter_idx" ON "registrations" USING btree ("presenter_key");--> statement-breakpoint
CREATE INDEX "registrations_village_idx" ON "registrations" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "registrations_officer_idx" ON "registrations" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "registrations_status_idx" ON "registrations" USING btree ("status");