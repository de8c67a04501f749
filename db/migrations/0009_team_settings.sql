CREATE TABLE "team_slug_redirects" (
	"slug" text PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "default_visibility" text DEFAULT 'team' NOT NULL;--> statement-breakpoint
ALTER TABLE "team_slug_redirects" ADD CONSTRAINT "team_slug_redirects_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_slug_redirects_team_idx" ON "team_slug_redirects" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_default_visibility_check" CHECK ("teams"."default_visibility" in ('team', 'public'));