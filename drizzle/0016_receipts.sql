CREATE TABLE "receipt_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"village_code" text NOT NULL,
	"rw" text,
	"rt" text,
	"distribution_point" text,
	"distributor" text,
	"channel" text NOT NULL,
	"answer" text NOT NULL,
	"paid_amount" bigint NOT NULL,
	"received_amount" bigint,
	"asked_by" text,
	"asked_why" text,
	"sample_id" uuid,
	"complaint_id" uuid,
	"collected_by" uuid,
	"collected_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_sample_lines" (
	"sample_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"village_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"seed" bigint NOT NULL,
	"confidence" real NOT NULL,
	"margin" real NOT NULL,
	"line_count" integer NOT NULL,
	"strata" jsonb NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "receipt_confirmations" ADD CONSTRAINT "receipt_confirmations_line_id_payment_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payment_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_confirmations" ADD CONSTRAINT "receipt_confirmations_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_confirmations" ADD CONSTRAINT "receipt_confirmations_sample_id_receipt_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."receipt_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_confirmations" ADD CONSTRAINT "receipt_confirmations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_confirmations" ADD CONSTRAINT "receipt_confirmations_collected_by_users_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_sample_lines" ADD CONSTRAINT "receipt_sample_lines_sample_id_receipt_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."receipt_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_sample_lines" ADD CONSTRAINT "receipt_sample_lines_line_id_payment_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payment_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_samples" ADD CONSTRAINT "receipt_samples_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_samples" ADD CONSTRAINT "receipt_samples_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_confirmations_line_channel_uq" ON "receipt_confirmations" USING btree ("line_id","channel");--> statement-breakpoint
CREATE INDEX "receipt_confirmations_batch_idx" ON "receipt_confirmations" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "receipt_confirmations_area_idx" ON "receipt_confirmations" USING btree ("district_code","village_code");--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_sample_lines_uq" ON "receipt_sample_lines" USING btree ("sample_id","line_id");