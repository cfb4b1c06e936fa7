CREATE TABLE "report_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"month" text,
	"batch_id" uuid,
	"area_code" text NOT NULL,
	"title" text NOT NULL,
	"checkpoint_id" integer NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"xlsx" "bytea" NOT NULL,
	"xlsx_sha256" text NOT NULL,
	"generated_by_id" uuid,
	"generated_by_name" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_packs_kind_idx" ON "report_packs" USING btree ("kind","month");--> statement-breakpoint
CREATE INDEX "report_packs_area_idx" ON "report_packs" USING btree ("area_code");