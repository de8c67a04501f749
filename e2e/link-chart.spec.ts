import { expect, test } from "@playwright/test";
import { signedInAs } from "./support/pages";

type Box = { x1: number; x2: number; y1: number; y2: number };

test("the link chart lays its names out apart: no two labels overlap, and each is drawn in the theme's ink on its paper", async ({ browser, baseURL }) => {
  const { context, page } = await signedInAs(browser, "analyst", baseURL);
  await page.goto("/t/demo/chart");
  await expect(page.getByTestId("chart-edge").first()).toBeVisible();
  const chart = page.locator(".link-chart");
  await expect(chart.locator("canvas").first()).toBeVisible();

  // What cytoscape drew: each node's box with its label, as the page holds it.
  const drawn = await chart.evaluate((element) => {
    const cy = (element as unknown as { _cyreg: { cy: { nodes(): { map<T>(f: (node: { id(): string; boundingBox(o: object): Box; style(p: string): string }) => T): T[] } } } })._cyreg.cy;
    return cy.nodes().map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: true }), color: node.style("color") }));
  });
  expect(drawn.length).toBeGreaterThan(2);
  const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const clashes = drawn.flatMap((a, i) => drawn.slice(i + 1).filter((b) => overlaps(a.box, b.box)).map((b) => `${a.id} × ${b.id}`));
  expect(clashes).toEqual([]);
  const unspaced = (color: string) => color.replace(/\s/g, "");
  const ink = unspaced(await chart.evaluate((element) => getComputedStyle(element).color));
  expect(drawn.map((node) => unspaced(node.color))).toEqual(drawn.map(() => ink));
  await context.close();
});
