import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifySignature } from "../lib/webhooks/signature";
import { signedInAs } from "./support/pages";

test("an owner adds a webhook, sees its secret once, sends a test event and sees it delivered", async ({ browser, baseURL }) => {
  // The receiver, on this machine: the e2e server lets loopback through (scripts/e2e-server.mjs).
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dossier`;

  try {
    const owner = await signedInAs(browser, "owner", baseURL);
    const page = owner.page;
    await page.goto("/t/demo/settings");
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: /^Webhooks of / })).toBeVisible();

    const form = page.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("URL").fill(url);
    await form.getByLabel("Description").fill("Desk chat");
    await form.getByLabel(/An edition is published/).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    const card = page.getByRole("region", { name: `Webhook ${url}` });
    await card.getByRole("button", { name: "Send a test event" }).click();
    await expect(card.getByRole("status")).toHaveText("A test event is on its way.");
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const [ping] = received;
    expect(ping.headers["x-dossier-event"]).toBe("ping");
    expect(verifySignature(secret, ping.body, String(ping.headers["x-dossier-signature"]))).toBe(true);

    // The log says so; the secret is never shown again.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("region", { name: `Webhook ${url}` }).getByTestId("delivery").first()).toContainText("HTTP 200", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const delivery = page.getByRole("region", { name: `Webhook ${url}` }).getByTestId("delivery").first();
    await expect(delivery).toContainText("ping");
    await expect(delivery).toContainText("delivered");
    await expect(page.getByText(secret)).toHaveCount(0);
    await owner.context.close();
  } finally {
    receiver.close();
  }
});
