CREATE TABLE "unlinked_name_ignores" (
	"note_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unlinked_name_ignores_note_id_entity_id_name_pk" PRIMARY KEY("note_id","entity_id","name")
);
--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "collection_position" integer;--> statement-breakpoint
ALTER TABLE "unlinked_name_ignores" ADD CONSTRAINT "unlinked_name_ignores_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlinked_name_ignores" ADD CONSTRAINT "unlinked_name_ignores_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlinked_name_ignores" ADD CONSTRAINT "unlinked_name_ignores_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Notes filed before collections had an order of their own keep the order they were listed in: last edited first.
UPDATE "notes" SET "collection_position" = "ordered"."position"
FROM (SELECT "id", (row_number() OVER (PARTITION BY "collection_id" ORDER BY "updated_at" DESC, "id") - 1)::int AS "position" FROM "notes" WHERE "collection_id" IS NOT NULL) AS "ordered"
WHERE "notes"."id" = "ordered"."id";
