ALTER TABLE "imports" ADD COLUMN "area" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "area" text;