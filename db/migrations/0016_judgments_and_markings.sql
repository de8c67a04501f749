CREATE TABLE "edition_judgments" (
	"edition_id" uuid NOT NULL,
	"key" text NOT NULL,
	"note_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"likelihood_rank" integer,
	"likelihood_term" text,
	"confidence" text,
	"assumptions" text DEFAULT '' NOT NULL,
	"source_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"change" text NOT NULL,
	"previous_text" text,
	"previous_likelihood_rank" integer,
	"previous_likelihood_term" text,
	"previous_confidence" text,
	"rationale" text,
	CONSTRAINT "edition_judgments_edition_id_key_pk" PRIMARY KEY("edition_id","key"),
	CONSTRAINT "edition_judgments_change_check" CHECK ("edition_judgments"."change" in ('new', 'unchanged', 'raised', 'lowered', 'confidence', 'reworded', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "estimative_suppressions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"sentence" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "estimative_suppressions_kind_check" CHECK ("estimative_suppressions"."kind" in ('off-scale', 'mixed-columns', 'likelihood-with-confidence', 'hedge-in-judgment', 'judgment-without-likelihood', 'judgment-without-confidence'))
);
--> statement-breakpoint
CREATE TABLE "judgments" (
	"note_id" uuid NOT NULL,
	"key" text NOT NULL,
	"team_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"likelihood_rank" integer,
	"likelihood_term" text,
	"confidence" text,
	"assumptions" text DEFAULT '' NOT NULL,
	"source_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "judgments_note_id_key_pk" PRIMARY KEY("note_id","key"),
	CONSTRAINT "judgments_confidence_check" CHECK ("judgments"."confidence" is null or "judgments"."confidence" in ('high', 'moderate', 'low'))
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "likelihood_scale" text DEFAULT 'icd203' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "likelihood_wording" text DEFAULT 'either' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "default_marking" text DEFAULT 'clear' NOT NULL;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "marking" text DEFAULT 'clear' NOT NULL;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "portion_marking" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "marking" text DEFAULT 'clear' NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "likelihood_scale" text DEFAULT 'icd203' NOT NULL;--> statement-breakpoint
ALTER TABLE "edition_judgments" ADD CONSTRAINT "edition_judgments_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_judgments" ADD CONSTRAINT "edition_judgments_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_judgments" ADD CONSTRAINT "edition_judgments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimative_suppressions" ADD CONSTRAINT "estimative_suppressions_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimative_suppressions" ADD CONSTRAINT "estimative_suppressions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimative_suppressions" ADD CONSTRAINT "estimative_suppressions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_judgments_note_idx" ON "edition_judgments" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "edition_judgments_team_idx" ON "edition_judgments" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "estimative_suppressions_passage_idx" ON "estimative_suppressions" USING btree ("note_id","kind",md5("term" || '|' || "sentence"));--> statement-breakpoint
CREATE INDEX "judgments_team_idx" ON "judgments" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_likelihood_scale_check" CHECK ("teams"."likelihood_scale" in ('icd203', 'phia'));--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_likelihood_wording_check" CHECK ("teams"."likelihood_wording" in ('either', 'terms', 'alternatives'));--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_default_marking_check" CHECK ("teams"."default_marking" in ('clear', 'green', 'amber', 'amber+strict', 'red'));--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_marking_check" CHECK ("notes"."marking" in ('clear', 'green', 'amber', 'amber+strict', 'red') and ("notes"."portion_marking" is null or "notes"."portion_marking" in ('clear', 'green', 'amber', 'amber+strict', 'red')));--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_marking_check" CHECK ("editions"."marking" in ('clear', 'green', 'amber', 'amber+strict', 'red') and ("editions"."visibility" = 'team' or "editions"."marking" = 'clear'));