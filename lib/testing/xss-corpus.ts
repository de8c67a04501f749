/**
 * Hostile input, shared by the unit and browser suites: every payload must be
 * shown as inert text (or dropped) wherever Dossier displays it. Each one that
 * runs sets window.__xss or opens a dialog, so a browser test can tell.
 */

/** Addresses a link or image may be given; none may survive as a link. */
export const HOSTILE_HREFS = [
  "javascript:window.__xss=1",
  "JaVaScRiPt:window.__xss=2",
  " javascript:window.__xss=3",
  "\tjavascript:window.__xss=4",
  "java\tscript:window.__xss=5",
  "java\nscript:window.__xss=6",
  "\u0000javascript:window.__xss=7",
  "\u0001javascript:window.__xss=8",
  "java&#x09;script:window.__xss=9",
  "&#106;avascript:window.__xss=10",
  "javascript&colon;window.__xss=11",
  "javascript://%0Awindow.__xss=12",
  "data:text/html,<script>window.__xss=13</script>",
  "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTQ8L3NjcmlwdD4=",
  "DATA:image/svg+xml,<svg onload=window.__xss=15>",
  "vbscript:msgbox(16)",
  "VBScript:msgbox(17)",
] as const;

/** Markup that would run if it reached the page as HTML; as text it is harmless. */
export const HOSTILE_MARKUP = [
  "<script>window.__xss=20</script>",
  "<img src=x onerror=window.__xss=21>",
  "<IMG SRC=x OnErRoR=window.__xss=22>",
  "<svg onload=window.__xss=23>",
  "<svg><script>window.__xss=24</script></svg>",
  "<iframe srcdoc=\"<script>parent.__xss=25</script>\"></iframe>",
  "<iframe src=\"javascript:parent.__xss=26\"></iframe>",
  "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=27>",
  "<style><img src=x onerror=window.__xss=28></style>",
  "<template><img src=x onerror=window.__xss=29></template>",
  "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=30>\">",
  "\"><script>window.__xss=31</script>",
  "'><img src=x onerror=window.__xss=32>",
  "\" onmouseover=\"window.__xss=33\" x=\"",
  "<a href=\"javascript:window.__xss=34\">click</a>",
  "<details open ontoggle=window.__xss=35>",
  "<body onload=window.__xss=36>",
  "<object data=\"javascript:window.__xss=37\"></object>",
  "<form><button formaction=javascript:window.__xss=38>go</button></form>",
  "</textarea><script>window.__xss=39</script>",
  "]]><script>window.__xss=40</script>",
] as const;

/** Markdown shapes for import: the link and image forms that carry an address. */
export const HOSTILE_MARKDOWN = [
  ...HOSTILE_HREFS.filter((href) => !/[\s\u0000\u0001]/.test(href)).map((href) => `[click](${href})`),
  "[click](<javascript:window.__xss=50>)",
  "<javascript:window.__xss=51>",
  "![x](javascript:window.__xss=52)",
  "![x](x \"\\\" onerror=\\\"window.__xss=53\")",
  "[click][ref]\n\n[ref]: javascript:window.__xss=54",
  ...HOSTILE_MARKUP,
] as const;

/** Every payload that may be typed as text (names, titles, comments, labels). */
export const HOSTILE_TEXT = [...HOSTILE_MARKUP, ...HOSTILE_HREFS] as const;

/** Schemes that run or replace the page when followed or loaded. */
export const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data):/i;

/** Elements that run script or load a document of their own. */
export const SCRIPT_CAPABLE_ELEMENTS = ["script", "iframe", "object", "embed", "frame", "frameset", "base", "form", "svg", "math", "img", "style", "template", "meta", "link"] as const;

/** A list nested `depth` levels deep, one item a level. */
const nestedList = (depth: number) => Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}- level ${level}`).join("\n");

/**
 * Markdown files (each within the 1 MB a file may have) that an outside probe
 * found held the server's one event loop while they were read, for seconds to
 * minutes, or overflowed its stack: each must be imported or refused without
 * holding up anyone else.
 */
export const SLOW_MARKDOWN: [name: string, markdown: string][] = [
  ["stars-64k.md", `${"*".repeat(65_535)}a`],
  ["stars-32k.md", "*".repeat(32_768)],
  ["brackets-512k.md", "[".repeat(512 * 1024)],
  ["anchors-512k.md", "<a ".repeat(Math.ceil((512 * 1024) / 3))],
  ["quotes-1m.md", ">".repeat(1_000_000)],
  ["nested-lists-1m.md", nestedList(990)],
];
