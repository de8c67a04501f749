CREATE TABLE "edition_citations" (
	"edition_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"team_id" uuid NOT NULL,
	"source_id" uuid,
	"source_title" text NOT NULL,
	"source_kind" text NOT NULL,
	"originator" text NOT NULL,
	"reliability" text NOT NULL,
	"credibility" text NOT NULL,
	"locator" text DEFAULT '' NOT NULL,
	"obtained_on" date,
	"sentence" text DEFAULT '' NOT NULL,
	CONSTRAINT "edition_citations_edition_id_ordinal_pk" PRIMARY KEY("edition_id","ordinal"),
	CONSTRAINT "edition_citations_credibility_check" CHECK ("edition_citations"."credibility" in ('1', '2', '3', '4', '5', '6'))
);
--> statement-breakpoint
CREATE TABLE "note_citations" (
	"note_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"team_id" uuid NOT NULL,
	"citation_id" text NOT NULL,
	"source_id" uuid NOT NULL,
	"credibility" text NOT NULL,
	"locator" text DEFAULT '' NOT NULL,
	"obtained_on" date,
	"sentence" text DEFAULT '' NOT NULL,
	CONSTRAINT "note_citations_note_id_ordinal_pk" PRIMARY KEY("note_id","ordinal"),
	CONSTRAINT "note_citations_credibility_check" CHECK ("note_citations"."credibility" in ('1', '2', '3', '4', '5', '6'))
);
--> statement-breakpoint
CREATE TABLE "source_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_reliability" text,
	"to_reliability" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_changes_kind_check" CHECK ("source_changes"."kind" in ('graded', 'regraded', 'retracted', 'reinstated'))
);
--> statement-breakpoint
CREATE TABLE "source_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"file_name" text,
	"media_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"captured_by" uuid,
	"captured_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"originator" text DEFAULT '' NOT NULL,
	"originator_entity_id" uuid,
	"url" text,
	"description" text DEFAULT '' NOT NULL,
	"reliability" text NOT NULL,
	"graded_by" uuid,
	"graded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by" uuid,
	"retraction_reason" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', originator), 'B') || setweight(to_tsvector('english', description), 'C')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_kind_check" CHECK ("sources"."kind" in ('human', 'document', 'media', 'official_statement', 'imagery', 'dataset', 'web_page', 'other')),
	CONSTRAINT "sources_reliability_check" CHECK ("sources"."reliability" in ('A', 'B', 'C', 'D', 'E', 'F'))
);
--> statement-breakpoint
ALTER TABLE "edition_citations" ADD CONSTRAINT "edition_citations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_citations" ADD CONSTRAINT "edition_citations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_citations" ADD CONSTRAINT "edition_citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_citations" ADD CONSTRAINT "note_citations_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_citations" ADD CONSTRAINT "note_citations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_citations" ADD CONSTRAINT "note_citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_captured_by_users_id_fk" FOREIGN KEY ("captured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_originator_entity_id_entities_id_fk" FOREIGN KEY ("originator_entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_retracted_by_users_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_citations_source_idx" ON "edition_citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "note_citations_source_idx" ON "note_citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_changes_source_idx" ON "source_changes" USING btree ("source_id","changed_at");--> statement-breakpoint
CREATE INDEX "source_snapshots_source_idx" ON "source_snapshots" USING btree ("source_id","captured_at");--> statement-breakpoint
CREATE INDEX "sources_team_idx" ON "sources" USING btree ("team_id","updated_at");--> statement-breakpoint
CREATE INDEX "sources_search_idx" ON "sources" USING gin ("search");