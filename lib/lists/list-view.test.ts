import { describe, expect, it } from "vitest";
import { listHref, pageCount, pagerOf, readListView, type SortColumns } from "./list-view";

const COLUMNS: SortColumns<"title" | "updated"> = { title: { label: "Title", first: "asc" }, updated: { label: "Edited", first: "desc" } };

describe("a list's view, read from its address", () => {
  it("takes the default sort and its first direction, page 1, when the address says nothing", () => {
    expect(readListView({}, COLUMNS, "updated")).toEqual({ sort: "updated", direction: "desc", page: 1, offset: 0, limit: 50 });
  });

  it("takes a column the list offers, its direction and page", () => {
    expect(readListView({ sort: "title", dir: "desc", page: "3" }, COLUMNS, "updated")).toMatchObject({ sort: "title", direction: "desc", page: 3, offset: 100 });
    expect(readListView({ sort: "title" }, COLUMNS, "updated").direction).toBe("asc");
  });

  it("falls back on anything else: unknown columns, inherited names, odd directions and pages", () => {
    for (const params of [{ sort: "password" }, { sort: "constructor" }, { sort: "__proto__" }, { sort: ["title", "updated"], dir: "sideways" }]) {
      const view = readListView(params, COLUMNS, "updated");
      expect(["title", "updated"]).toContain(view.sort);
      expect(["asc", "desc"]).toContain(view.direction);
    }
    for (const page of ["0", "-1", "1.5", "abc", "", "1e3x"]) expect(readListView({ page }, COLUMNS, "updated").page).toBe(1);
    expect(readListView({ page: "99999999" }, COLUMNS, "updated").page).toBe(10_000);
  });

  it("counts pages, an empty list having one", () => {
    expect([0, 1, 50, 51, 100].map((total) => pageCount(total, 50))).toEqual([1, 1, 1, 2, 2]);
  });

  it("keeps the other parameters of the address and drops those set to null", () => {
    expect(listHref("/t/demo", { status: "draft", page: "4" }, { sort: "title", dir: "asc", page: null })).toBe("/t/demo?status=draft&sort=title&dir=asc");
    expect(listHref("/t/demo", {}, { page: null })).toBe("/t/demo");
    expect(listHref("/t/demo", { q: "a&b" }, { page: 2 })).toBe("/t/demo?q=a%26b&page=2");
  });

  it("gives a pager only to a list longer than a page, with the pages before and after", () => {
    const at = (page: string) => readListView({ page }, COLUMNS, "updated");
    expect(pagerOf("notes", 50, at("1"))).toBeNull();
    expect(pagerOf("notes", 120, at("1"))).toEqual({ status: "Showing 1–50 of 120 notes", previous: null, next: 2 });
    expect(pagerOf("notes", 120, at("3"))).toEqual({ status: "Showing 101–120 of 120 notes", previous: 2, next: null });
    // An address past the end says so, and Previous leads back to the last page there is.
    expect(pagerOf("notes", 120, at("7"))).toEqual({ status: "Nothing on page 7; there are 3 pages.", previous: 3, next: null });
    expect(pagerOf("notes", 0, at("2"))).toEqual({ status: "Nothing on page 2; there is 1 page.", previous: 1, next: null });
  });
});
