-- The pages readers read keep in memory what their per-request queries read
-- (lib/reading/reading-cache.ts). Any change to what those queries read tells
-- the process, through NOTIFY, to forget what it kept. Statement-level where
-- it can be: one notice per statement, however many rows it changes; the same
-- notices of one transaction are folded into one, sent when it commits.
CREATE FUNCTION "notify_reading_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dossier_reading_changed', '');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "editions_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "editions" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "edition_entities_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "edition_entities" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "teams_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "memberships_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "memberships" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "users_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "entities_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "entities" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "tags_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tags" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "entity_tags_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "entity_tags" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "follows_reading_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follows" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
CREATE TRIGGER "sessions_reading_ended" AFTER DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "notify_reading_changed"();--> statement-breakpoint
-- A session's use moves last_seen_at and expires_at every few minutes, and says nothing (a kept session's expiry is checked against the clock); any other change to them does.
CREATE TRIGGER "sessions_reading_changed" AFTER UPDATE ON "sessions" FOR EACH ROW WHEN (
  OLD."revoked_at" IS DISTINCT FROM NEW."revoked_at"
  OR OLD."user_id" IS DISTINCT FROM NEW."user_id"
  OR (OLD."expires_at" IS DISTINCT FROM NEW."expires_at" AND OLD."last_seen_at" IS NOT DISTINCT FROM NEW."last_seen_at")
) EXECUTE FUNCTION "notify_reading_changed"();
