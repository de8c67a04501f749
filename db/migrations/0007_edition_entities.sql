CREATE TABLE "edition_entities" (
	"edition_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"mentions" integer NOT NULL,
	"snippets" jsonb NOT NULL,
	CONSTRAINT "edition_entities_edition_id_entity_id_pk" PRIMARY KEY("edition_id","entity_id")
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "tags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "edition_entities" ADD CONSTRAINT "edition_entities_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_entities" ADD CONSTRAINT "edition_entities_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_entities" ADD CONSTRAINT "edition_entities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_entities_entity_idx" ON "edition_entities" USING btree ("entity_id");--> statement-breakpoint
-- Editions published before tags were frozen take their note's tags as they are now: the nearest record there is.
UPDATE "editions" SET "tags" = coalesce((SELECT jsonb_agg(t.name ORDER BY t.name) FROM "note_tags" nt JOIN "tags" t ON t.id = nt.tag_id WHERE nt.note_id = "editions"."note_id"), '[]'::jsonb);
