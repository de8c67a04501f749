import { describe, expect, it, vi } from "vitest";
import { deliverDueMail } from "@/lib/mail/delivery";
import { outbox } from "@/lib/mail/outbox";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, buildUser } from "@/lib/testing/factories";
import { useTestMailbox } from "@/lib/testing/mailbox";
import { createInvite, findOpenInvite, INVITE_MAIL_LIMIT, signUpWithInvite } from "./invites";
import { roleInTeam } from "./queries";

useTestDatabase();

const APP = "http://dossier.test";
const smtp = useTestMailbox({ APP_URL: APP });

describe("invitations by e-mail", () => {
  it("mails the invite link, which signs the newcomer up into the team", async () => {
    const owner = await buildUser({ name: "Olga Owner" });
    const { team } = await buildTeam(owner);
    const invited = await createInvite({ teamId: team.id, email: "Nadia@Example.test", role: "analyst", createdBy: owner.id });
    expect(invited.emailed).toBe(true);
    expect(invited.link).toBe(`${APP}/invite/${invited.token}`);

    expect(await deliverDueMail(smtp.sender)).toMatchObject({ sent: 1 });
    const mail = await smtp.mailbox.waitFor((m) => m.subject === "You are invited to join a team on Dossier");
    expect(smtp.mailbox.to("nadia@example.test")).toEqual([mail]);
    // The names the inviter chose are in the body, not in the subject a stranger's inbox shows.
    expect(mail.subject).not.toContain("Olga");
    expect(mail.subject).not.toContain(team.name);
    expect(mail.text).toContain(`Olga Owner invited you to join ${team.name} on Dossier as an analyst.`);
    const link = mail.text!.match(/Accept the invitation: (\S+)/)![1];
    expect(link).toBe(invited.link);

    // The link's secret opens the invitation: the newcomer signs up and is in the team.
    const token = new URL(link).pathname.split("/invite/")[1];
    expect((await findOpenInvite(token))?.team.id).toBe(team.id);
    const { user } = await signUpWithInvite(token, { name: "Nadia Newcomer", password: "a long enough password" });
    expect(await roleInTeam(user.id, team.id)).toBe("analyst");
  });

  it("mails only so many invitations from one inviter; past that the invite is made, its link works, and no mail goes", async () => {
    const { team, owner } = await buildTeam();
    const results = [];
    for (let i = 0; i <= INVITE_MAIL_LIMIT.freeAttempts; i++) {
      results.push(await createInvite({ teamId: team.id, email: `many-${i}@example.test`, role: "reader", createdBy: owner.id }));
    }
    const last = results.pop()!;
    expect(results.every((invited) => invited.emailed)).toBe(true);
    expect(last.emailed).toBe(false);
    expect((await findOpenInvite(last.token))?.team.id).toBe(team.id);
    expect((await outbox()).map((mail) => mail.recipient)).not.toContain(last.invite.email);
    expect(await outbox()).toHaveLength(INVITE_MAIL_LIMIT.freeAttempts);

    // The limit is the inviter's own: another owner's invitation is still mailed.
    const other = await buildTeam();
    expect((await createInvite({ teamId: other.team.id, email: "someone@example.test", role: "reader", createdBy: other.owner.id })).emailed).toBe(true);
  });

  it("queues no mail, and says so, when Dossier sends none", async () => {
    vi.stubEnv("SMTP_URL", "");
    try {
      const { team, owner } = await buildTeam();
      const invited = await createInvite({ teamId: team.id, email: "quiet@example.test", role: "reader", createdBy: owner.id });
      expect(invited.emailed).toBe(false);
      expect(await findOpenInvite(invited.token)).toBeDefined();
    } finally {
      vi.stubEnv("SMTP_URL", smtp.mailbox.url);
    }
    expect(await outbox()).toHaveLength(0);
  });
});
