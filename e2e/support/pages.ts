import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../lib/demo/accounts";

export type DemoRole = keyof typeof DEMO_USERS;

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
}

/**
 * A browser context of its own, signed in with this account, on the page
 * signing in leads to. The browser's cookies are set by next-auth's
 * credentials flow, posted from the context itself: the sign-in form is
 * what auth.spec.ts and single-sign-on.spec.ts test, and every other spec
 * needs only the session (loading the form first cost each sign-in a page).
 */
export async function signedInWith(
  browser: Browser,
  account: { email: string; password: string; name: string },
  baseURL?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await context.request.post("/api/auth/callback/credentials", { form: { email: account.email, password: account.password, csrfToken }, maxRedirects: 0 });
  expect(answer.status(), `sign-in of ${account.email}`).toBe(302);
  expect(answer.headers()["location"], `sign-in of ${account.email}`).not.toContain("error");
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText(account.name);
  return { context, page };
}

/** A signed-in browser context for one of the demo users. */
export function signedInAs(browser: Browser, role: DemoRole, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
  return signedInWith(browser, { ...DEMO_USERS[role], password: DEMO_PASSWORD }, baseURL);
}

export class NotePage {
  constructor(readonly page: Page) {}

  get body() {
    return this.page.getByRole("textbox", { name: "Note body" });
  }

  get title() {
    return this.page.getByLabel("Title");
  }

  get connection() {
    return this.page.getByTestId("connection-state");
  }

  /** The body's text as a reader sees it: without other people's caret labels. */
  text(): Promise<string> {
    return this.body.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return copy.textContent ?? "";
    });
  }

  async expectText(text: string) {
    await expect.poll(() => this.text()).toBe(text);
  }

  async expectSaved() {
    await expect(this.connection).toHaveText("Saved");
  }

  /** Waits until the body can be typed in: the editor is read-only until the note has arrived. */
  async expectEditable() {
    await expect(this.body).toHaveAttribute("contenteditable", "true");
  }

  /** Types at the end of the body, as a user would once they can. */
  async typeAtEnd(text: string) {
    await this.expectEditable();
    // Focus, not a click: a click lands mid-body, where a mention chip follows its link.
    await this.body.focus();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.type(text);
  }
}

/** Creates a note from the notes list and returns its page, ready to type in. */
export async function createNote(page: Page, title: string): Promise<NotePage> {
  await page.goto("/t/demo");
  await page.getByRole("button", { name: "New note" }).click();
  await page.waitForURL(/\/t\/demo\/notes\/[0-9a-f-]{36}$/);
  const note = new NotePage(page);
  await note.title.fill(title);
  await note.expectSaved();
  return note;
}
