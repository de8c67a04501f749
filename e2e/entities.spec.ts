import { expect, test } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";
import { createEntity, expectEntityPage, mention } from "./support/entities";

test("mention actors and events, follow them to their pages, rename, link unlinked names, see the timeline and chart", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const suffix = Date.now().toString(36);
  const korea = `North Korea ${suffix}`;
  const test_ = `Nuclear test ${suffix}`;

  await createEntity(page, "actor", { name: korea, aliases: `DPRK ${suffix}, Pyongyang${suffix}`, actorType: "country" });
  await expectEntityPage(page, korea);
  await createEntity(page, "event", { name: test_, date: "2006-10-09", tags: "nuclear" });
  await expectEntityPage(page, test_);

  const note = await createNote(page, `Test week ${suffix}`);
  await note.body.click();
  await page.keyboard.type("Reports say ");
  await mention(page, "@", `North Korea ${suffix}`, korea);
  await page.keyboard.type("carried out the ");
  await mention(page, "#", `Nuclear test ${suffix}`, test_);
  await page.keyboard.type("at dawn. Then ");
  await mention(page, "@", `Japan ${suffix}`, `Create new actor “Japan ${suffix}”`);
  await page.keyboard.type("protested.");
  await expect(note.body.locator(".mention-actor", { hasText: korea })).toBeVisible();
  await expect(note.body.locator(".mention-event", { hasText: test_ })).toBeVisible();
  await expect(note.body.locator(".mention-actor", { hasText: `Japan ${suffix}` })).toBeVisible();
  await note.expectSaved();
  const noteUrl = page.url();

  // A chip is a word of the sentence: in the prose's face, and broken across lines as words are (a whole chip pushed
  // to the next line left a gap): a copy of its paragraph, narrower than the chip, breaks the chip in pieces.
  const chip = note.body.locator(".mention-actor", { hasText: korea });
  const style = (element: Element) => ({ display: getComputedStyle(element).display, face: getComputedStyle(element).fontFamily });
  expect(await chip.evaluate(style)).toEqual({ display: "inline", face: (await note.body.evaluate(style)).face });
  const pieces = await chip.evaluate((element) => {
    const box = document.createElement("div");
    box.className = "ProseMirror";
    box.style.cssText = "position: absolute; left: 0; top: 0; visibility: hidden";
    box.append(element.closest("p")!.cloneNode(true));
    document.body.append(box);
    const copy = box.querySelector(".mention-actor")!;
    box.style.width = `${copy.getBoundingClientRect().width * 0.6}px`;
    const count = copy.getClientRects().length;
    box.remove();
    return count;
  });
  expect(pieces).toBeGreaterThan(1);

  // The actor's page lists the note and the sentence around the mention.
  await note.body.locator(".mention-actor", { hasText: korea }).click();
  await expectEntityPage(page, korea);
  const backlink = page.getByRole("region", { name: `Notes that mention ${korea}` });
  // Links are derived when the note is stored, a moment after it is saved.
  await expect(async () => {
    await page.reload();
    await expect(backlink.getByRole("link", { name: `Test week ${suffix}` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(backlink.locator(".snippet")).toHaveText(`Reports say ${korea} carried out the ${test_} at dawn.`);

  // Renamed, the chip in the note shows the new name.
  await page.getByText("Edit actor").click();
  await page.getByRole("form", { name: "Edit actor" }).getByLabel("Name").fill(`DPR Korea ${suffix}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectEntityPage(page, `DPR Korea ${suffix}`);
  await page.goto(noteUrl);
  await expect(note.body.locator(".mention-actor", { hasText: `DPR Korea ${suffix}` })).toBeVisible();

  // An alias typed as plain text is offered as an unlinked mention; linking it shows live in another browser.
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto(noteUrl);
  const ownerNote = new NotePage(owner.page);
  await expect(ownerNote.body).toContainText("protested.");
  await note.typeAtEnd(` Pyongyang${suffix} stayed silent, as Pyongyang${suffix} does.`);
  // One card for the name, however often it stands; one click links it everywhere.
  const unlinked = page.getByTestId("unlinked-mention").filter({ hasText: `Pyongyang${suffix}` });
  await expect(unlinked).toHaveCount(1);
  await expect(unlinked).toContainText("2 places");
  await unlinked.getByRole("button", { name: /^Link .* in 2 places$/ }).click();
  await expect(unlinked).toHaveCount(0);
  await expect(ownerNote.body.locator(".mention-actor", { hasText: `DPR Korea ${suffix}` })).toHaveCount(3);
  await note.expectSaved();

  // A name the analyst means as plain words is ignored on this note, for everyone on it, and stays ignored.
  await note.typeAtEnd(` Japan ${suffix} said nothing.`);
  const japan = page.getByTestId("unlinked-mention").filter({ hasText: `Japan ${suffix}` });
  const japanForOwner = owner.page.getByTestId("unlinked-mention").filter({ hasText: `Japan ${suffix}` });
  await expect(japanForOwner).toHaveCount(1);
  await japan.getByRole("button", { name: `Ignore “Japan ${suffix}” on this note` }).click();
  await expect(japan).toHaveCount(0);
  await expect(japanForOwner).toHaveCount(0);
  await note.expectSaved();
  await page.reload();
  await expect(new NotePage(page).body).toContainText(`Japan ${suffix} said nothing.`);
  await expect(page.getByRole("button", { name: "Show the name ignored here again" })).toBeVisible();
  await expect(japan).toHaveCount(0);
  await page.getByRole("button", { name: "Show the name ignored here again" }).click();
  await expect(japan).toHaveCount(1);

  // The timeline shows the event on its date; the chart links the co-mentioned actors.
  await page.goto("/t/demo/timeline?tag=nuclear");
  await expect(page.getByTestId("timeline-event").filter({ hasText: test_ })).toContainText("9 October 2006");
  await page.goto("/t/demo/chart");
  const edge = page
    .getByTestId("chart-edge")
    .filter({ hasText: `DPR Korea ${suffix}` })
    .filter({ hasText: `Japan ${suffix}` });
  await expect(edge).toContainText("1");
  await edge.getByRole("button").click();
  // The chart's link to the note (the sidebar lists it too, under Recent).
  await expect(page.getByRole("main").getByRole("link", { name: `Test week ${suffix}` })).toBeVisible();

  await owner.context.close();
  await context.close();
});

test("an actor or event made from the mention menu is asked its kind or date in place, and the sentence goes on", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const suffix = Date.now().toString(36);
  const note = await createNote(page, `Menu-made ${suffix}`);
  await note.body.click();
  const details = page.getByTestId("new-entity-details");
  const hrefOf = (name: string) => note.body.locator(".mention", { hasText: name }).getAttribute("href");

  // By keyboard: Enter creates, the question waits under the mention while the writer types on, Tab reaches it.
  await page.keyboard.type(`Talks with @Kiribati ${suffix}`);
  await expect(page.getByRole("option", { name: `Create new actor “Kiribati ${suffix}”` })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(details).toContainText(`New actor “Kiribati ${suffix}”: what kind is it?`);
  await page.keyboard.type("went");
  await page.keyboard.press("Tab");
  await expect(details.getByRole("button", { name: "Country" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(details).toHaveCount(0);
  await page.keyboard.type(" well, before the ");

  // An event's date, refused when it is not one, then kept with its precision.
  await page.keyboard.type(`#Atoll summit ${suffix}`);
  await page.getByRole("option", { name: `Create new event “Atoll summit ${suffix}”` }).click();
  await expect(details).toContainText(`New event “Atoll summit ${suffix}”: when was it?`);
  await page.keyboard.press("Tab");
  await expect(details.getByLabel("Date")).toBeFocused();
  await page.keyboard.type("2026-13");
  await page.keyboard.press("Enter");
  await expect(details.locator(".error")).toHaveText("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 2006-10-09).");
  await details.getByLabel("Date").fill("2026-11");
  await page.keyboard.press("Enter");
  await expect(details).toHaveCount(0);

  // Escape leaves a new actor without a kind, and the text where it was.
  await page.keyboard.type(`ended. @Tuvalu ${suffix}`);
  await expect(page.getByRole("option", { name: `Create new actor “Tuvalu ${suffix}”` })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(details).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);
  await page.keyboard.type("watched.");
  await expect(note.body).toHaveText(`Talks with Kiribati ${suffix} went well, before the Atoll summit ${suffix} ended. Tuvalu ${suffix} watched.`);
  await note.expectSaved();

  const [kiribati, summit, tuvalu] = [await hrefOf(`Kiribati ${suffix}`), await hrefOf(`Atoll summit ${suffix}`), await hrefOf(`Tuvalu ${suffix}`)];
  await page.goto(kiribati!);
  await expect(page.locator(".eyebrow")).toHaveText("Country");
  await page.goto(summit!);
  await expect(page.locator(".eyebrow")).toHaveText("November 2026");
  await page.goto(tuvalu!);
  await expect(page.locator(".eyebrow")).toHaveText("Actor");
  await context.close();
});

test("bad entity input gets a clear error and changes nothing; names with markup are shown as text", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const suffix = Date.now().toString(36);

  let form = await createEntity(page, "event", { name: `Bad date ${suffix}`, date: "2006-13-40" });
  await expect(form.locator(".error")).toContainText("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD");
  form = await createEntity(page, "event", { name: `Backwards ${suffix}`, date: "2006-12-20", until: "2006-12-01" });
  await expect(form.locator(".error")).toHaveText("The event cannot end before it starts.");
  form = await createEntity(page, "actor", { name: "   " });
  await expect(form.locator(".error")).toContainText("A name cannot be empty.");
  await page.goto("/t/demo/events");
  await expect(page.getByText(`Bad date ${suffix}`)).toHaveCount(0);
  await expect(page.getByText(`Backwards ${suffix}`)).toHaveCount(0);

  const markup = `<script>window.pwned=1</script><b>Bold ${suffix}</b>`;
  await createEntity(page, "actor", { name: markup });
  await expectEntityPage(page, markup);
  await page.goto("/t/demo/actors");
  await expect(page.getByRole("link", { name: markup })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // A second actor with the same name, in any case, is refused.
  form = await createEntity(page, "actor", { name: markup.toUpperCase() });
  await expect(form.locator(".error")).toContainText("An actor with that name or alias already exists");
  await context.close();
});

test("another team's actor is not found through this team's pages", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const suffix = Date.now().toString(36);
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(`Side desk ${suffix}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/side-desk-${suffix}$`));
  await page.goto(`/t/side-desk-${suffix}/actors`);
  await page.getByText("New actor", { exact: true }).click();
  await page.getByRole("form", { name: "New actor" }).getByLabel("Name").fill(`Private actor ${suffix}`);
  await page.getByRole("button", { name: "Create actor" }).click();
  await expectEntityPage(page, `Private actor ${suffix}`);
  const id = page.url().split("/").pop()!;

  // The same user, through the other team's URLs: the id resolves to nothing.
  for (const path of [`/t/demo/actors/${id}`, `/t/demo/events/${id}`]) {
    expect((await page.goto(path))?.status()).toBe(404);
    await expect(page.getByText(`Private actor ${suffix}`)).toHaveCount(0);
  }
  // A segment that is no entity kind's is not a page either.
  expect((await page.goto(`/t/demo/organisations/${id}`))?.status()).toBe(404);
  expect((await page.goto("/t/demo/organisations"))?.status()).toBe(404);
  // And a reviewer of the demo team, who is no member of the side desk, gets not found there.
  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  expect((await reviewer.page.goto(`/t/side-desk-${suffix}/actors/${id}`))?.status()).toBe(404);
  await reviewer.context.close();
  await context.close();
});
