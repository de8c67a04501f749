import { expect, test, type WebSocketRoute } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";

test("a note opened before its text has arrived cannot be typed in, so nothing typed lands beside the text", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Slow arrival");
  await note.typeAtEnd("The council met on Friday.");
  await note.expectSaved();

  // The owner's socket opens, but what the server sends is held back: a slow first sync.
  const owner = await signedInAs(browser, "owner", baseURL);
  let held: Array<string | Buffer> | null = [];
  let page: WebSocketRoute | undefined;
  await owner.context.routeWebSocket(/\/collab/, (socket) => {
    page = socket;
    socket.connectToServer().onMessage((message) => (held ? held.push(message) : socket.send(message)));
  });
  await owner.page.goto(analyst.page.url());
  const ownerNote = new NotePage(owner.page);
  await expect(owner.page.getByRole("status").filter({ hasText: "Opening the note…" })).toBeVisible();
  await expect(ownerNote.body).toHaveAttribute("contenteditable", "false");
  await ownerNote.body.click();
  await owner.page.keyboard.type("Typed too early.");

  for (const message of held) page!.send(message);
  held = null;
  await expect(owner.page.getByText("Opening the note…")).toHaveCount(0);
  await ownerNote.typeAtEnd(" Russia abstained.");
  await ownerNote.expectSaved();
  await ownerNote.expectText("The council met on Friday. Russia abstained.");
  await note.expectText("The council met on Friday. Russia abstained.");

  for (const context of [analyst.context, owner.context]) await context.close();
});
