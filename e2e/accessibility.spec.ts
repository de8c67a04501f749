import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { PAGES, type PageEntry } from "./support/authorization-table";
import { MatrixWorld, type MatrixRole } from "./support/authorization-world";

/**
 * Every page of the authorization table's list (and the two plain reading
 * pages Dossier serves itself), opened as each role that may see it, in the
 * light and the dark theme, on a desktop and on a 390 px phone: axe-core finds
 * no serious or critical violation of WCAG 2.1 A/AA, and the notes list and
 * the reading pages fit a phone's width. The main pages are saved as
 * screenshots in each theme and width (test-results/, and attached to the
 * report), to be looked at, not compared.
 */

const PLAIN_PAGES: PageEntry[] = [
  { page: "the reader home (plain HTML)", allowed: ["owner", "analyst", "reviewer", "reader"], path: (ids) => `/t/${ids.team}/briefs` },
  { page: "the reading view (plain HTML)", allowed: ["owner", "analyst", "reviewer", "reader"], path: (ids) => `/b/${ids.team}/${ids.briefId}` },
];
const SWEPT = [...PAGES.flatMap((entry) => (entry.kind === "page" && !entry.goneForAll ? [entry] : [])), ...PLAIN_PAGES];
const SCREENSHOTS = new Set(["app/t/[team]/page.tsx", "app/t/[team]/notes/[id]/page.tsx", "app/t/[team]/[kind]/page.tsx", "app/t/[team]/chart/page.tsx", ...PLAIN_PAGES.map((entry) => entry.page)]);
/** The pages a phone must show whole: nothing wider than its 390 px screen, so nothing to scroll sideways. */
const PHONE_PAGES = new Set(["app/t/[team]/page.tsx", ...PLAIN_PAGES.map((entry) => entry.page)]);
const ROLES: MatrixRole[] = ["owner", "analyst", "reviewer", "reader", "anonymous"];
/**
 * Who is swept in every view: the owner (who sees every page a member sees)
 * and the signed-out visitor. The other roles see the same pages with fewer
 * controls, so in CI they are checked in the first view, against every rule;
 * E2E_FULL_SWEEP=1 checks every role in every view (about twice as long).
 */
const EVERY_VIEW: ReadonlySet<MatrixRole> = new Set(process.env.E2E_FULL_SWEEP === "1" ? ROLES : ["owner", "anonymous"]);

/**
 * The four ways each page is seen. The first is checked against every rule;
 * the page is then re-coloured and narrowed in place (nothing else about it
 * changes), so the others are checked against the rules a theme or a width
 * can break: contrast, and what a narrow screen scrolls or hides.
 */
const VIEWS = [
  { theme: "light", width: 1280, rules: undefined },
  { theme: "dark", width: 1280, rules: ["color-contrast", "link-in-text-block"] },
  { theme: "light", width: 390, rules: ["color-contrast", "link-in-text-block", "scrollable-region-focusable", "target-size"] },
  { theme: "dark", width: 390, rules: ["color-contrast", "link-in-text-block", "scrollable-region-focusable", "target-size"] },
] as const;

let world: MatrixWorld;

// The roles' sweeps share the two workers; each worker builds the world once for those it runs.
test.describe.configure({ mode: "parallel", timeout: 600_000 });

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  world = await MatrixWorld.build(baseURL!, browser);
});

test.afterAll(async () => {
  await world?.dispose();
});

type Violation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/**
 * What axe finds on the page as it stands, serious and critical only, in words a developer can act on.
 * The first check of a page injects axe (@axe-core/playwright); the views after it run the engine the page
 * already holds, which is most of the cost saved.
 */
async function violations(page: Page, rules?: readonly string[]): Promise<string[]> {
  const found: Violation[] = rules
    ? await page.evaluate(
        (only) => (window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } }).axe.run({ runOnly: { type: "rule", values: only } }).then((r) => r.violations),
        [...rules],
      )
    : (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations;
  return found
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.slice(0, 3).map((node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.split("\n")[1]?.trim() ?? violation.help}`));
}

/** Kept in test-results/ and attached to the test, so the report shows it. */
async function screenshot(page: Page, testInfo: TestInfo, entry: PageEntry, view: { theme: string; width: number }) {
  const name = `${entry.page.replace(/[^a-z]+/gi, "-")}-${view.theme}-${view.width}px.png`;
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const role of ROLES) {
  const views = EVERY_VIEW.has(role) ? "light and dark, at 1280 and 390 px" : "at 1280 px in the light theme, against every rule";
  test(`every page ${role === "anonymous" ? "signed out" : `as ${role}`} passes axe-core, ${views}`, async ({ browser }, testInfo) => {
    const ids = world.homeOf(role);
    const context = await browser.newContext({ baseURL: world.baseURL, storageState: world.sessions[role].storageState });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const entry of SWEPT.filter((entry) => entry.allowed.includes(role))) {
      const path = entry.path(ids);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: "light" });
      const answer = await page.goto(path);
      expect(answer?.status(), `${path} as ${role}`).toBeLessThan(400);
      // The note page is checked with its editor drawn (its toolbar, menus and panels come with it).
      if (entry.page.endsWith("notes/[id]/page.tsx")) await expect(page.getByRole("textbox", { name: "Note body" })).toBeVisible();
      for (const view of EVERY_VIEW.has(role) ? VIEWS : VIEWS.slice(0, 1)) {
        await page.setViewportSize({ width: view.width, height: 900 });
        await page.emulateMedia({ colorScheme: view.theme });
        const problems = await violations(page, view.rules);
        if (view.width === 390 && PHONE_PAGES.has(entry.page)) {
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          if (wide > 390) problems.push(`the page is ${wide} px wide on a 390 px screen`);
        }
        if (problems.length) found[`${entry.serving ?? entry.page} (${path}), ${view.theme}, ${view.width} px`] = problems;
        if (SCREENSHOTS.has(entry.page) && role === "owner") await screenshot(page, testInfo, entry, view);
      }
    }
    await context.close();
    expect(found, `axe-core: serious or critical violations as ${role}`).toEqual({});
  });
}
