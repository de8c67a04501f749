import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { teams, users, type Invite } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/policies/grants";
import type { MailMessage } from "@/lib/mail/outbox";

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/**
 * The invitation by e-mail: who invites, to which team, as what, and the link
 * that works once. The subject names neither inviter nor team: both are
 * chosen by whoever invites, and a subject line is what a stranger's inbox
 * shows of a message from the organisation's sender.
 */
export async function inviteMessage(tx: Executor, invite: Invite, link: string, lifetimeDays: number): Promise<MailMessage> {
  const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, invite.teamId));
  const [inviter] = invite.createdBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, invite.createdBy)) : [];
  const who = inviter?.name ?? "An owner";
  const role = ROLE_LABELS[invite.role].toLowerCase();
  return {
    kind: "invite",
    to: invite.email,
    subject: "You are invited to join a team on Dossier",
    paragraphs: [
      `${who} invited you to join ${team.name} on Dossier as ${article(role)} ${role}.`,
      `The link below works once, for ${lifetimeDays} days. If you have no Dossier account yet, you choose your name and password when you open it.`,
    ],
    action: { label: "Accept the invitation", url: link },
    footer: [`This message was sent to ${invite.email} because an owner of ${team.name} invited this address. If you did not expect it, you can ignore it.`],
  };
}
