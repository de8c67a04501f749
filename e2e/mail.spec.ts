import { expect, test } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { DEMO_USERS } from "../lib/demo/accounts";
import { startTestMailbox, type TestMailbox } from "../lib/testing/smtp";
import { AppSession } from "./support/app-session";
import { createNote, signedInAs } from "./support/pages";
import { ownServer } from "./support/server";

/**
 * E-mail end to end: a Dossier of its own sends through a real SMTP server
 * (smtp-server, parsed with mailparser) started here, and the links in the
 * messages it receives are opened in the browser.
 */

let mailbox: TestMailbox;
let server: Awaited<ReturnType<typeof ownServer>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await ownServer(4380, { env: { SMTP_URL: mailbox.url, MAIL_FROM: "Dossier <dossier@dossier.test>" } });
});

test.afterAll(async () => {
  await server?.dispose();
  await mailbox?.close();
});

/** The first message to an address, waiting for the mail loop to send it. */
const mailTo = (address: string, about: RegExp) =>
  mailbox.waitFor((mail) => mailbox.to(address).includes(mail) && about.test(mail.subject ?? ""), 20_000);
const linkAfter = (mail: ParsedMail, label: string) => mail.text!.match(new RegExp(`${label}: (\\S+)`))![1];

test("an owner invites an address; the link in the e-mail lets the newcomer join", async ({ browser }) => {
  const owner = await signedInAs(browser, "owner", server.baseURL);
  await owner.page.goto("/t/demo/members");
  const email = `mailed-${Date.now()}@example.test`;
  await owner.page.getByLabel("Email").fill(email);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("analyst");
  await owner.page.getByRole("button", { name: "Create invite link" }).click();
  await expect(owner.page.getByTestId("invite-mail")).toHaveText(`An e-mail with this link is on its way to ${email}.`);
  const shown = (await owner.page.getByTestId("invite-link").textContent())!.trim();

  const mail = await mailTo(email, /^You are invited to join a team on Dossier$/);
  expect(mail.text).toContain("invited you to join Demo Desk on Dossier as an analyst.");
  const link = linkAfter(mail, "Accept the invitation");
  expect(link).toBe(shown);

  const newcomer = await browser.newContext();
  const page = await newcomer.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Demo Desk" })).toBeVisible();
  await page.getByLabel("Your name").fill("Mila Mailed");
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(`${server.baseURL}/t/demo`);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Mila Mailed · Analyst");
  await owner.context.close();
  await newcomer.close();
});

test("the unsubscribe link in a notification e-mail works without signing in", async ({ browser }) => {
  const analyst = await signedInAs(browser, "analyst", server.baseURL);
  const title = `Mailed review ${Date.now().toString(36)}`;
  const note = await createNote(analyst.page, title);
  await note.typeAtEnd("Ready for a look.");
  await note.expectSaved();
  await analyst.page.getByLabel(DEMO_USERS.reviewer.name).check();
  await analyst.page.getByRole("button", { name: "Request review" }).click();
  await expect(analyst.page.getByText(`Review requested by ${DEMO_USERS.analyst.name} from ${DEMO_USERS.reviewer.name}.`)).toBeVisible();

  const mail = await mailTo(DEMO_USERS.reviewer.email, new RegExp(`asked for your review of “${title}”$`));
  const unsubscribe = linkAfter(mail, "Stop e-mails about review requests");
  // Headers are folded onto several lines when long.
  const header = mail.headerLines.find((line) => line.key === "list-unsubscribe")?.line.replace(/\r?\n\s+/g, "");
  expect(header).toContain(`<${unsubscribe}/confirm>`);

  // Someone signed out (the reviewer, from their mail program) opens it: nothing changes until they press the button.
  const visitor = await browser.newContext({ baseURL: server.baseURL });
  const page = await visitor.newPage();
  await page.goto(unsubscribe);
  await expect(page.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(page.getByText(`Dossier will no longer send e-mails about review requests to ${DEMO_USERS.reviewer.email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toHaveText(`Dossier no longer sends e-mails about review requests to ${DEMO_USERS.reviewer.email}.`);

  // An altered link is refused and turns nothing off.
  const altered = unsubscribe.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
  await page.goto(altered);
  await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
  expect((await visitor.request.post(`${altered}/confirm`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);
  // A mail program's one-click unsubscribe posts to the header's address.
  const oneClick = await visitor.request.post(`${unsubscribe}/confirm`, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);

  // Signed in, the reviewer's settings show it off, and they can choose the digest for another kind.
  const reviewer = await signedInAs(browser, "reviewer", server.baseURL);
  await reviewer.page.goto("/account/notifications");
  await expect(reviewer.page.getByTestId("delivery-review_requested").getByLabel("Off")).toBeChecked();
  await reviewer.page.getByTestId("delivery-mentioned").getByLabel("Daily digest").check();
  await reviewer.page.getByRole("button", { name: "Save" }).click();
  await expect(reviewer.page.getByRole("status")).toHaveText("Saved.");
  await reviewer.page.reload();
  await expect(reviewer.page.getByTestId("delivery-mentioned").getByLabel("Daily digest")).toBeChecked();
  await expect(reviewer.page.getByTestId("delivery-review_requested").getByLabel("Off")).toBeChecked();

  // A choice that is none of the three is refused with a sentence, and changes nothing.
  const session = await AppSession.withStorageState(server.baseURL, await reviewer.context.storageState());
  const refused = await session.action("app/account/notifications/actions.ts#saveNotificationPreferencesAction", { form: { mentioned: "loudly", review_requested: "instant" } });
  expect(refused.result).toEqual({ ok: false, error: "Choose at once, daily digest or off for each kind." });
  await reviewer.page.reload();
  await expect(reviewer.page.getByTestId("delivery-mentioned").getByLabel("Daily digest")).toBeChecked();
  await expect(reviewer.page.getByTestId("delivery-review_requested").getByLabel("Off")).toBeChecked();
  await session.dispose();

  await Promise.all([analyst.context.close(), visitor.close(), reviewer.context.close()]);
});
