import { inArray } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { commentThreads, notifications, type Note, type User } from "@/db/schema";
import { reply } from "@/lib/comments/queries";
import { follow } from "@/lib/follows/queries";
import { findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { deliverDueMail, WITHDRAWN } from "@/lib/mail/delivery";
import { outbox } from "@/lib/mail/outbox";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { addMember, changeRole, removeMember } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { useTestMailbox } from "@/lib/testing/mailbox";
import { sendDueDigests } from "./digest";
import { nextDigestAt } from "./digest-time";
import { deliveryChoices, setDeliveries } from "./preferences";
import { readUnsubscribeLink, unsubscribe } from "./unsubscribe";
import { unsubscribeToken } from "./unsubscribe-token";

useTestDatabase();
// Review requests and role changes reach open editors through the running collaboration server.
useCollabServer();

const APP = "http://dossier.test";
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const smtp = useTestMailbox({ APP_URL: APP, AUTH_SECRET: SECRET, MAIL_DIGEST_HOUR: "7" });

/** One round of the mail loop's delivery, retrying at once. */
const deliver = () => deliverDueMail(smtp.sender, { retryDelayMs: () => 0 });
/** A moment after the next digest hour, as the digest job would see it tomorrow morning. */
const tomorrowMorning = () => new Date(nextDigestAt(new Date(), 7).getTime() + 60_000);

async function desk() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(team.id, analyst.id);
  return { team, owner, analyst, reviewer, note };
}

/** A comment thread on the note, and a reply in it that mentions `whom` by name, as a member types it. */
async function mention(note: Note, author: User, whom: User, words = "can you check the source?") {
  const [thread] = await db()
    .insert(commentThreads)
    .values({ noteId: note.id, teamId: note.teamId, anchorStart: new Uint8Array([1]), anchorEnd: new Uint8Array([2]), quote: "First paragraph", createdBy: author.id })
    .returning();
  await reply(note.teamId, note.id, thread.id, author.id, `@${whom.name} ${words}`);
}

/** A header as it was sent (mailparser folds the List-* headers into one object). */
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, "").replace(/\r?\n\s+/g, "");
const unsubscribeLinkIn = (mail: ParsedMail) => mail.text!.match(new RegExp(`${APP}/unsubscribe/(\\S+)`))!;

describe("notification e-mail, at once", () => {
  it("mails a mention once, with the comment, a link to the note and a way to stop", async () => {
    const { analyst, reviewer, note } = await desk();
    await mention(note, analyst, reviewer, "is the <b>source</b> solid?");

    expect(await deliver()).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    const [mail] = smtp.mailbox.to(reviewer.email);
    expect(mail.subject).toBe(`${analyst.name} mentioned you in “A note”`);
    expect(mail.text).toContain(`“@${reviewer.name} is the <b>source</b> solid?”`);
    expect(mail.text).toContain(`Open the note: ${APP}/t/`);
    expect(mail.text).toContain(`/notes/${note.id}`);
    expect(mail.html).toContain("is the &lt;b&gt;source&lt;/b&gt; solid?");
    const [page, token] = unsubscribeLinkIn(mail);
    expect(header(mail, "list-unsubscribe")).toBe(`<${page}/confirm>`);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(readUnsubscribeLink(token)).toEqual({ userId: reviewer.id, scope: "mentioned" });

    expect(await deliver()).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(smtp.mailbox.to(reviewer.email)).toHaveLength(1);
    // The one who wrote it is not told of their own comment.
    expect(smtp.mailbox.to(analyst.email)).toHaveLength(0);
  });

  it("does not send a draft's mail to a reviewer who became a reader while it waited", async () => {
    const { owner, analyst, reviewer, note } = await desk();
    await smtp.mailbox.stop();
    try {
      await requestReview(note, analyst.id, [reviewer.id]);
      expect(await deliver()).toMatchObject({ sent: 0, failed: 1 });
      await changeRole(note.teamId, reviewer.id, "reader", owner.id);
    } finally {
      await smtp.mailbox.start();
    }
    expect(await deliver()).toEqual({ sent: 0, failed: 0, withdrawn: 1 });
    expect(smtp.mailbox.messages).toHaveLength(0);
    const [withdrawn] = await outbox();
    expect(withdrawn.lastError).toBe(WITHDRAWN);
    expect(withdrawn.sentAt).toBeNull();
  });

  it("keeps a notification's mail through a mail server outage and delivers it once", async () => {
    const { analyst, reviewer, note } = await desk();
    await smtp.mailbox.stop();
    try {
      await requestReview(note, analyst.id, [reviewer.id]);
      expect(await deliver()).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
      expect(await deliver()).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
    } finally {
      await smtp.mailbox.start();
    }
    expect(await deliver()).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    expect(await deliver()).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    const mails = smtp.mailbox.to(reviewer.email);
    expect(mails.map((mail) => mail.subject)).toEqual([`${analyst.name} asked for your review of “A note”`]);
  });

  it("says what a review decided: approved, or changes asked for", async () => {
    const { analyst, reviewer, note } = await desk();
    await requestReview(note, analyst.id, [reviewer.id]);
    await decideReview((await findNote(note.id))!, reviewer.id, "request_changes", "Cite the IAEA report.");
    await requestReview((await findNote(note.id))!, analyst.id, [reviewer.id]);
    await decideReview((await findNote(note.id))!, reviewer.id, "approve", "Sound.");
    await deliver();
    // In whichever order the mail server took them.
    expect(smtp.mailbox.to(analyst.email).map((mail) => mail.subject).sort()).toEqual([`${reviewer.name} approved “A note”`, `${reviewer.name} asked for changes to “A note”`]);
  });

  it("sends nothing for a kind the user turned off, and nothing later in a digest", async () => {
    const { analyst, reviewer, note } = await desk();
    await setDeliveries(reviewer.id, { review_requested: "off" });
    await requestReview(note, analyst.id, [reviewer.id]);
    await sendDueDigests({ now: tomorrowMorning() });
    await deliver();
    expect(smtp.mailbox.to(reviewer.email)).toHaveLength(0);
  });
});

describe("a new edition of what one follows", () => {
  it("is mailed to a reader who follows the brief, under the edition's title, linking to that edition", async () => {
    const { team, owner, note } = await desk();
    const publish = async (summary: string) =>
      publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary, overrideApproval: true });
    await publish("");
    const reader = await buildMember(team.id, "reader");
    await follow({ actor: { userId: reader.id, teamId: team.id, role: "reader" }, team }, { noteId: note.id });
    await setDeliveries(reader.id, { edition_published: "instant" });

    const second = await publish("Adds the second source.");
    expect(await deliver()).toMatchObject({ sent: 1 });
    const mail = await smtp.mailbox.waitFor((m) => smtp.mailbox.to(reader.email).includes(m));
    expect(mail.subject).toContain(`published a new edition of “${second.title}”`);
    expect(mail.text).toContain(`${APP}/b/${team.slug}/${note.id}/2`);
    expect(smtp.mailbox.to(owner.email)).toHaveLength(0);
  });
});

describe("the daily digest", () => {
  it("batches a day's notifications into one message, and a second run sends nothing new", async () => {
    const { team, analyst, reviewer, note } = await desk();
    const second = await buildNote(note.teamId, analyst.id);
    await setDeliveries(reviewer.id, { review_requested: "digest", mentioned: "digest" });
    await requestReview(note, analyst.id, [reviewer.id]);
    await requestReview(second, analyst.id, [reviewer.id]);
    await mention(note, analyst, reviewer, "see the second paragraph.");

    // Nothing at once, and nothing before the digest hour.
    expect(await sendDueDigests()).toBe(0);
    await deliver();
    expect(smtp.mailbox.to(reviewer.email)).toHaveLength(0);

    expect(await sendDueDigests({ now: tomorrowMorning() })).toBe(1);
    await deliver();
    const [digest, ...more] = smtp.mailbox.to(reviewer.email);
    expect(more).toHaveLength(0);
    expect(digest.subject).toBe(`Your Dossier digest for ${team.name}: 3 notifications`);
    expect(digest.text!.match(/asked for your review of “A note”/g)).toHaveLength(2);
    expect(digest.text).toContain(`${analyst.name} mentioned you in “A note”`);
    expect(digest.text).toContain("see the second paragraph.");
    expect(digest.text).toContain(`${APP}/t/`);
    const [, token] = unsubscribeLinkIn(digest);
    expect(readUnsubscribeLink(token)).toEqual({ userId: reviewer.id, scope: "digest" });

    expect(await sendDueDigests({ now: tomorrowMorning() })).toBe(0);
    await deliver();
    expect(smtp.mailbox.to(reviewer.email)).toHaveLength(1);

    // The next day's digest holds only what came since.
    const third = await buildNote(note.teamId, analyst.id);
    await requestReview(third, analyst.id, [reviewer.id]);
    expect(await sendDueDigests({ now: new Date(tomorrowMorning().getTime() + 86_400_000) })).toBe(1);
    await deliver();
    expect(smtp.mailbox.to(reviewer.email).map((mail) => mail.subject)).toEqual([
      `Your Dossier digest for ${team.name}: 3 notifications`,
      `Your Dossier digest for ${team.name}: 1 notification`,
    ]);
  });

  it("sends one digest per user when runs claim the same users at once", async () => {
    const { team, analyst, note } = await desk();
    const reviewers = [await buildMember(team.id, "reviewer"), await buildMember(team.id, "reviewer"), await buildMember(team.id, "reviewer")];
    for (const reviewer of reviewers) await setDeliveries(reviewer.id, { review_requested: "digest" });
    await requestReview(note, analyst.id, reviewers.map((reviewer) => reviewer.id));

    const morning = tomorrowMorning();
    const runs = await Promise.all([sendDueDigests({ now: morning }), sendDueDigests({ now: morning }), sendDueDigests({ now: morning })]);
    expect(runs.reduce((sum, queued) => sum + queued, 0)).toBe(3);
    await deliver();
    for (const reviewer of reviewers) expect(smtp.mailbox.to(reviewer.email)).toHaveLength(1);
    const rows = await db().select().from(notifications).where(inArray(notifications.userId, reviewers.map((reviewer) => reviewer.id)));
    expect(rows.map((row) => row.mailedAt !== null && row.digestDueAt === null)).toEqual([true, true, true]);
  });

  it("still brings one team's news to a reader removed from another team before it went", async () => {
    const { team, owner, analyst, reviewer, note } = await desk();
    const other = await buildTeam();
    await addMember(other.team.id, reviewer.id, "reviewer");
    const otherNote = await buildNote(other.team.id, other.owner.id);
    await setDeliveries(reviewer.id, { review_requested: "digest" });
    await requestReview(note, analyst.id, [reviewer.id]);
    await requestReview(otherNote, other.owner.id, [reviewer.id]);

    expect(await sendDueDigests({ now: tomorrowMorning() })).toBe(2);
    await removeMember(team.id, reviewer.id, owner.id);
    expect(await deliver()).toEqual({ sent: 1, failed: 0, withdrawn: 1 });

    const [digest, ...more] = smtp.mailbox.to(reviewer.email);
    expect(more).toHaveLength(0);
    expect(digest.subject).toBe(`Your Dossier digest for ${other.team.name}: 1 notification`);
    expect(digest.text).toContain(`${other.owner.name} asked for your review of “A note”`);
    expect(digest.text).not.toContain(team.name);
  });

  it("leaves out what its reader may no longer read", async () => {
    const { owner, analyst, reviewer, note } = await desk();
    await setDeliveries(reviewer.id, { review_requested: "digest" });
    await requestReview(note, analyst.id, [reviewer.id]);
    await changeRole(note.teamId, reviewer.id, "reader", owner.id);

    expect(await sendDueDigests({ now: tomorrowMorning() })).toBe(0);
    await deliver();
    expect(smtp.mailbox.to(reviewer.email)).toHaveLength(0);
  });
});

describe("unsubscribing", () => {
  it("turns the kind off with the link from the mail, and mail of that kind stops", async () => {
    const { analyst, reviewer, note } = await desk();
    await mention(note, analyst, reviewer);
    await deliver();
    const [, token] = unsubscribeLinkIn(smtp.mailbox.to(reviewer.email)[0]);

    const target = readUnsubscribeLink(token)!;
    expect(await unsubscribe(target)).toEqual(["mentioned"]);
    expect(await deliveryChoices(reviewer.id)).toMatchObject({ mentioned: "off", review_requested: "instant" });

    await mention(note, analyst, reviewer, "again?");
    await deliver();
    expect(smtp.mailbox.to(reviewer.email)).toHaveLength(1);
  });

  it("refuses a token that was altered or signed with another secret", async () => {
    const { reviewer } = await desk();
    const token = unsubscribeToken({ userId: reviewer.id, scope: "mentioned" }, SECRET);
    expect(readUnsubscribeLink(token)).toEqual({ userId: reviewer.id, scope: "mentioned" });

    const [userId, scope, signature] = token.split(".");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(readUnsubscribeLink(`${userId}.${scope}.${flipped}`)).toBeNull();
    expect(readUnsubscribeLink(`${userId}.all.${signature}`)).toBeNull();
    const { analyst } = await desk();
    expect(readUnsubscribeLink(`${analyst.id}.${scope}.${signature}`)).toBeNull();
    expect(readUnsubscribeLink(unsubscribeToken({ userId: reviewer.id, scope: "mentioned" }, "another-server-secret-of-32-characters!"))).toBeNull();
    expect(readUnsubscribeLink(`${userId}.${scope}`)).toBeNull();
    expect(readUnsubscribeLink(`${userId}.no_such_kind.${signature}`)).toBeNull();
  });

  it("turns off, with the digest's link, every kind taken in the digest and no other", async () => {
    const { reviewer } = await desk();
    // New editions come in the digest unless chosen otherwise.
    await setDeliveries(reviewer.id, { review_requested: "digest", mentioned: "digest" });
    expect((await unsubscribe({ userId: reviewer.id, scope: "digest" })).sort()).toEqual(["edition_published", "mentioned", "review_requested"]);
    expect(await deliveryChoices(reviewer.id)).toMatchObject({ mentioned: "off", review_requested: "off", edition_published: "off", review_decided: "instant", replied: "instant" });
  });
});

describe("the digest hour", () => {
  it("is the next time the clock shows that hour in UTC", () => {
    expect(nextDigestAt(new Date("2025-03-01T06:59:00Z"), 7).toISOString()).toBe("2025-03-01T07:00:00.000Z");
    expect(nextDigestAt(new Date("2025-03-01T07:00:00Z"), 7).toISOString()).toBe("2025-03-02T07:00:00.000Z");
    expect(nextDigestAt(new Date("2025-12-31T23:30:00Z"), 0).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});
