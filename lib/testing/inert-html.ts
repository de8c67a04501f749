import { SCRIPT_CAPABLE_ELEMENTS, UNSAFE_SCHEME } from "./xss-corpus";

const TAG = /<\/?([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"]);

export const decodeEntities = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Whether a browser would treat the address as script or a document of its own (it ignores whitespace and controls). */
const isRunnableAddress = (value: string) => UNSAFE_SCHEME.test(value.replace(/[\u0000-\u0020]/g, ""));

/**
 * Everything in `html` that could run script, as a browser would read the
 * markup: script-capable elements, on* attributes, srcdoc, and addresses with
 * a javascript:, vbscript: or data: scheme. Empty when the markup is inert.
 */
export function activeContent(html: string, forbiddenElements: readonly string[] = SCRIPT_CAPABLE_ELEMENTS): string[] {
  const found: string[] = [];
  for (const [, name, attributes] of html.matchAll(TAG)) {
    if (forbiddenElements.includes(name.toLowerCase())) found.push(`<${name}> element`);
    for (const [, attribute, double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
      const key = attribute.toLowerCase();
      const value = decodeEntities(double ?? single ?? bare ?? "");
      if (key.startsWith("on")) found.push(`${key} attribute on <${name}>`);
      if (key === "srcdoc") found.push(`srcdoc on <${name}>`);
      if (URL_ATTRIBUTES.has(key) && isRunnableAddress(value)) found.push(`${key}="${value}" on <${name}>`);
    }
  }
  return found;
}
