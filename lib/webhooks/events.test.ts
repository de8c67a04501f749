import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, notes, webhookDeliveries, webhooks } from "@/db/schema";
import { createNote, findNote, startNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { retractSource } from "@/lib/sources/retraction";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildMember, buildSource, buildTeam, paragraphs } from "@/lib/testing/factories";
import { useWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { PRIVATE_ADDRESS_REFUSAL, type Resolve } from "./address-check";
import type { WebhookPayload } from "./enqueue";
import { createWebhook } from "./manage";

useTestDatabase();
// Publishing and review tell open editors through the running collaboration server.
useCollabServer();
const receiver = useWebhookReceiver();

const DRAFT_TEXT = "The envoy will probably abstain on Saturday.";
const ALL = ["edition.published", "review.requested", "review.decided", "note.created", "source.retracted"] as const;

const queued = async (teamId: string) =>
  (await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.teamId, teamId)).orderBy(webhookDeliveries.createdAt)).map(
    (row) => row.payload as unknown as WebhookPayload,
  );

describe("events queued by the commands that make them", () => {
  it("queues note.created, review.requested, review.decided and edition.published in each command's transaction, without the draft's text", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const reviewer = await buildMember(team.id, "reviewer");
    await createWebhook(team.id, owner.id, { url: receiver().url(), events: [...ALL], description: "" });

    const started = await startNote({ teamId: team.id, userId: analyst.id, title: "Vote outlook", kind: "brief" });
    const note = await createNote({ teamId: team.id, userId: analyst.id, title: "Envoy brief", content: paragraphs(DRAFT_TEXT) });
    await requestReview(note, analyst.id, [reviewer.id]);
    await decideReview((await findNote(note.id))!, reviewer.id, "approve", "Reads well; the envoy's line is sourced.");
    await publishNote((await findNote(note.id))!, analyst, "analyst", { visibility: "public", summary: "", overrideApproval: false });

    const events = await queued(team.id);
    expect(events.map((e) => e.event)).toEqual(["note.created", "note.created", "review.requested", "review.decided", "edition.published"]);
    const origin = "http://localhost:3000";
    expect(events[0].data).toEqual({ note: { id: started.id, title: "Vote outlook", url: `${origin}/t/${team.slug}/notes/${started.id}`, kind: "brief" }, createdBy: analyst.id });
    expect(events[2].data).toMatchObject({ note: { id: note.id, title: "Envoy brief" }, review: { requestedBy: analyst.id, reviewers: [reviewer.id] } });
    expect(events[3].data).toMatchObject({ review: { decision: "approved", decidedBy: reviewer.id } });
    expect(events[4].data).toMatchObject({
      note: { id: note.id },
      edition: { number: 1, title: "Envoy brief", public: true, visibility: "public", marking: "clear", url: `${origin}/b/${team.slug}/${note.id}/1` },
    });
    for (const event of events) {
      expect(event.team).toEqual({ slug: team.slug, name: team.name });
      expect(JSON.stringify(event)).not.toContain("envoy will probably");
      expect(JSON.stringify(event)).not.toContain("Reads well");
    }
  });

  it("queues source.retracted with the retraction, and nothing for a retraction that fails", async () => {
    const { team, owner } = await buildTeam();
    await createWebhook(team.id, owner.id, { url: receiver().url(), events: ["source.retracted"], description: "" });
    const wire = await buildSource(team.id, owner.id, { title: "Wire report" });
    await retractSource(team.id, owner.id, wire.id, "Withdrawn by the agency.");
    await rejectionOf(retractSource(team.id, owner.id, wire.id, "Again."));

    const events = await queued(team.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: "source.retracted", data: { source: { id: wire.id, title: "Wire report" }, retractedBy: owner.id } });
    expect(JSON.stringify(events[0])).not.toContain("Withdrawn by the agency");
  });

  it("queues nothing when the command fails after the event was queued", async () => {
    const { team, owner } = await buildTeam();
    await createWebhook(team.id, owner.id, { url: receiver().url(), events: ["note.created"], description: "" });
    // A title the notes table refuses fails the insert's transaction, event and all.
    await expect(
      db().transaction(async (tx) => {
        await createNote({ teamId: team.id, userId: owner.id, title: "Kept?" }, tx);
        await tx.update(notes).set({ teamId: "00000000-0000-4000-8000-000000000000" }).where(eq(notes.teamId, team.id));
      }),
    ).rejects.toThrow();
    expect(await queued(team.id)).toEqual([]);
  });

  it("queues nothing for a team with no webhook, nor for one not subscribed", async () => {
    const { team, owner } = await buildTeam();
    await startNote({ teamId: team.id, userId: owner.id, title: "Quiet", kind: "note" });
    await createWebhook(team.id, owner.id, { url: receiver().url(), events: ["edition.published"], description: "" });
    await startNote({ teamId: team.id, userId: owner.id, title: "Still quiet", kind: "note" });
    expect(await queued(team.id)).toEqual([]);
  });
});

describe("adding a webhook", () => {
  it("records the addition and keeps the secret sealed", async () => {
    const { team, owner } = await buildTeam();
    const { webhook, secret } = await createWebhook(team.id, owner.id, { url: receiver().url(), events: ["note.created"], description: "Chat" });
    expect(secret).toMatch(/^whsec_/);
    expect(webhook.secretSealed).not.toContain(secret.slice(6));
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.target, webhook.id));
    expect(entry).toMatchObject({ action: "webhook.created", userId: owner.id, teamId: team.id });
  });

  it.each([
    ["http://10.0.0.1/hook", PRIVATE_ADDRESS_REFUSAL],
    ["https://169.254.169.254/latest/meta-data", PRIVATE_ADDRESS_REFUSAL],
    ["https://[fd12::1]/hook", PRIVATE_ADDRESS_REFUSAL],
    ["ftp://hooks.example.test/", "Enter a URL starting with https://."],
    ["https://user:pw@hooks.example.test/", "Leave the user name and password out of the URL; check the signature instead."],
    ["https://nowhere.invalid/hook", "Dossier could not find nowhere.invalid; check the address."],
    ["https://localhost/hook", PRIVATE_ADDRESS_REFUSAL],
  ])("refuses %s with a sentence, and adds nothing", async (url, sentence) => {
    const { team, owner } = await buildTeam();
    // A resolver that knows localhost only, so no test asks a DNS server anything.
    const resolve: Resolve = async (name) => {
      if (name === "localhost") return [{ address: "127.0.0.1", family: 4 }];
      throw new Error(`getaddrinfo ENOTFOUND ${name}`);
    };
    vi.stubEnv("DOSSIER_WEBHOOKS_ALLOW_LOOPBACK", "0");
    try {
      const refusal = await rejectionOf(createWebhook(team.id, owner.id, { url, events: ["note.created"], description: "" }, { resolve }));
      expect(refusal.message).toBe(sentence);
    } finally {
      vi.stubEnv("DOSSIER_WEBHOOKS_ALLOW_LOOPBACK", "1");
    }
    expect(await db().select().from(webhooks).where(eq(webhooks.teamId, team.id))).toEqual([]);
    expect(await db().select().from(auditLog).where(eq(auditLog.teamId, team.id))).toEqual([]);
  });
});
