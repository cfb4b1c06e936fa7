CREATE TABLE "import_staging" (
	"import_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"target" text NOT NULL,
	"payloads" text[] NOT NULL,
	CONSTRAINT "import_staging_import_id_chunk_target_pk" PRIMARY KEY("import_id","chunk","target")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "staged_chunks" integer;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "published_chunks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "apply_record" jsonb;--> statement-breakpoint
ALTER TABLE "import_staging" ADD CONSTRAINT "import_staging_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;