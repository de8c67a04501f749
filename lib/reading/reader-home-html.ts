import "server-only";
import { escapeHtml } from "@/lib/editor/html";
import { capitalise, ENTITY_KIND_LIST, entityKind, entityPath, type EntityKind } from "@/lib/entity-kinds";
import { listHref, pagerOf, type ListView, type SortDirection } from "@/lib/lists/list-view";
import { briefOrderParams, type BriefSort } from "@/lib/publishing/brief-sorts";
import { TLP_LABELS, TLP_MEANINGS, type TlpLevel } from "@/lib/tradecraft/tlp";

/*
 * The reader home (a team's published briefs, newest first unless the reader
 * chose another order, thirty to a page) as HTML with no script: the filters
 * are a GET form, the orders and pages links, every brief a link. Every text goes
 * through escapeHtml.
 */

export interface ListedBrief {
  noteId: string;
  title: string;
  dateline: string;
  number: number;
  visibility: string;
  marking: TlpLevel;
  summary: string | null;
  text: string;
  entities: readonly { id: string; kind: EntityKind; name: string }[];
}

export interface ReaderHome {
  team: { slug: string; name: string };
  /** One page of the briefs, of `total` in the order `view` asks for. */
  briefs: readonly ListedBrief[];
  total: number;
  view: ListView<BriefSort>;
  /** Each entity kind's choices, in ENTITY_KIND_LIST's order, and the tags readers may filter on. */
  options: readonly (readonly { id: string; name: string }[])[];
  tags: readonly { name: string }[];
  /** The filters asked for, by form field name. */
  chosen: Partial<Record<string, string>>;
  /** Whether the reader may open the actors' and events' pages. */
  linkEntities: boolean;
}

export const READER_HOME_CLASS = "page stack front-page";

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 280).replace(/\s+\S*$/, "")}…` : text);

function selectHtml(label: string, name: string, chosen: string | undefined, options: readonly { value: string; label: string }[]): string {
  const choice = (value: string, text: string) =>
    `<option value="${escapeHtml(value)}"${value === (chosen ?? "") ? " selected" : ""}>${escapeHtml(text)}</option>`;
  return `<label>${escapeHtml(label)}<select name="${name}">${choice("", "Any")}${options.map((o) => choice(o.value, o.label)).join("")}</select></label>`;
}

function filtersHtml({ options, tags, chosen, view }: ReaderHome): string {
  const selects = ENTITY_KIND_LIST.map((kind, k) =>
    selectHtml(capitalise(kind.label.one), kind.key, chosen[kind.key], options[k].map((o) => ({ value: o.id, label: o.name }))),
  );
  selects.push(selectHtml("Tag", "tag", chosen.tag, tags.map((t) => ({ value: t.name, label: t.name }))));
  // The order chosen stays through a change of filters; the page starts again at the first.
  const order = Object.entries(briefOrderParams(view.sort, view.direction))
    .map(([name, value]) => (value === null ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`))
    .join("");
  return `<form class="card padded filters no-print" aria-label="Filter briefs"><div class="row">${selects.join("")}${order}<button type="submit">Apply</button></div></form>`;
}

/** The orders a reader may choose, as the address asks for them. */
const ORDERS: readonly { label: string; sort: BriefSort; direction: SortDirection }[] = [
  { label: "Newest first", sort: "published", direction: "desc" },
  { label: "Oldest first", sort: "published", direction: "asc" },
  { label: "Title A–Z", sort: "title", direction: "asc" },
];
/** The home's address, with no filter, order or page. */
const homePath = (home: ReaderHome) => `/t/${home.team.slug}/briefs`;
/** The home's address with its filters and these changes. */
const homeHref = (home: ReaderHome, changes: Record<string, string | number | null>) => listHref(homePath(home), home.chosen, changes);

function ordersHtml(home: ReaderHome): string {
  const links = ORDERS.map(({ label, sort, direction }) => {
    const current = home.view.sort === sort && home.view.direction === direction;
    const href = homeHref(home, { ...briefOrderParams(sort, direction), page: null });
    return `<a href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ""}>${label}</a>`;
  });
  return `<nav class="row filters-bar no-print" aria-label="Order of the briefs">${links.join("")}</nav>`;
}

function pagerHtml(home: ReaderHome): string {
  const pager = pagerOf("briefs", home.total, home.view);
  if (!pager) return "";
  const order = briefOrderParams(home.view.sort, home.view.direction);
  const link = (page: number | null, rel: string, label: string) =>
    page === null ? "" : `<a href="${escapeHtml(homeHref(home, { ...order, page: page === 1 ? null : page }))}" rel="${rel}">${label}</a>`;
  return (
    `<nav class="pager row no-print" aria-label="Pages of briefs"><span role="status">${escapeHtml(pager.status)}</span>` +
    link(pager.previous, "prev", "Previous page") +
    link(pager.next, "next", "Next page") +
    `</nav>`
  );
}

/** A listing names the first few actors and events a brief covers; the brief itself has them all. */
const LISTED_ENTITIES = 4;

function briefHtml(home: ReaderHome, brief: ListedBrief): string {
  const slug = home.team.slug;
  const chips = brief.entities.slice(0, LISTED_ENTITIES).map((entity) => {
    const className = `mention ${entityKind(entity.kind).chipClass}`;
    const name = escapeHtml(entity.name);
    return home.linkEntities ? `<a class="${className}" href="${escapeHtml(entityPath(slug, entity))}">${name}</a>` : `<span class="${className}">${name}</span>`;
  });
  return (
    `<li class="card padded">` +
    `<p class="dateline"><span class="tlp-badge" data-marking="${brief.marking}" title="${escapeHtml(TLP_MEANINGS[brief.marking])}">${TLP_LABELS[brief.marking]}</span> ` +
    escapeHtml(brief.dateline) +
    (brief.number > 1 ? ` · edition ${brief.number}` : "") +
    (brief.visibility === "public" ? " · public" : "") +
    `</p>` +
    `<h2><a href="/b/${escapeHtml(slug)}/${escapeHtml(brief.noteId)}">${escapeHtml(brief.title)}</a></h2>` +
    `<p>${escapeHtml(brief.summary || excerpt(brief.text))}</p>` +
    (chips.length > 0 ? `<p class="covers">${chips.join("")}${moreEntities(brief.entities.length - chips.length)}</p>` : "") +
    `</li>`
  );
}

const moreEntities = (count: number) => (count > 0 ? `<span class="muted">+${count} more</span>` : "");

/** What the page's main element holds (its class: READER_HOME_CLASS). */
export function readerHomeHtml(home: ReaderHome): string {
  const filtered = ENTITY_KIND_LIST.some((kind) => home.chosen[kind.key]) || Boolean(home.chosen.tag);
  const list =
    home.briefs.length === 0
      ? `<div class="card empty">${
          filtered
            ? `No published brief matches these filters. <a href="${escapeHtml(homePath(home))}">Show every brief</a>`
            : "Nothing has been published yet. Briefs appear here as soon as your team publishes them."
        }</div>`
      : `<ol class="briefs" aria-label="Published briefs">${home.briefs.map((brief) => briefHtml(home, brief)).join("")}</ol>`;
  return (
    `<div class="page-head"><h1>${escapeHtml(home.team.name)}: briefs</h1><a href="/t/${escapeHtml(home.team.slug)}/feeds">Feeds</a></div>` +
    filtersHtml(home) +
    (home.total > 1 ? ordersHtml(home) : "") +
    list +
    pagerHtml(home)
  );
}
