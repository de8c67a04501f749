export interface MailLink {
  label: string;
  url: string;
}

/** One entry of a list of things to open (a digest's notifications). */
export interface MailItem {
  text: string;
  /** A quoted line under it (a comment's words). */
  detail?: string;
  url: string;
}

/** A message's words; composeMail lays them out as plain text and as HTML. */
export interface MailContent {
  /** Paragraphs of plain text, in order. */
  paragraphs: string[];
  /** After the paragraphs: entries each with its link, a list in HTML and lines in text. */
  items?: MailItem[];
  /** The one thing the reader is asked to do: a button in HTML, a line with the URL in text. */
  action?: MailLink;
  /** Small print under a rule: why this message came, how to stop it. A link is "label: url" in text. */
  footer?: (string | MailLink)[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Only http(s) links become links; anything else is shown as text. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? escapeHtml(url) : null);

function htmlParagraph(text: string, style = ""): string {
  return `<p style="margin:0 0 14px;${style}">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
}

function htmlLink(link: MailLink, style = ""): string {
  const href = safeHref(link.url);
  return href ? `<a href="${href}" style="${style}">${escapeHtml(link.label)}</a>` : escapeHtml(`${link.label}: ${link.url}`);
}

function htmlItems(items: MailItem[]): string {
  const entries = items.map(
    (item) =>
      `<li style="margin:0 0 12px">${htmlLink({ label: item.text, url: item.url }, "color:#1f4e79")}` +
      (item.detail ? `<br><span style="color:#555">${escapeHtml(item.detail)}</span>` : "") +
      `</li>`,
  );
  return `<ul style="margin:0 0 14px;padding-left:20px">\n${entries.join("\n")}\n</ul>`;
}

const textItem = (item: MailItem) => [`- ${item.text}`, ...(item.detail ? [`  ${item.detail}`] : []), `  ${item.url}`].join("\n");
const textFooterLine = (line: string | MailLink) => (typeof line === "string" ? line : `${line.label}: ${line.url}`);
const htmlFooterLine = (line: string | MailLink) =>
  `<p style="margin:0 0 14px;color:#666;font-size:12px">${typeof line === "string" ? escapeHtml(line) : htmlLink(line, "color:#666")}</p>`;

function htmlAction(action: NonNullable<MailContent["action"]>): string {
  const href = safeHref(action.url);
  if (!href) return htmlParagraph(`${action.label}: ${action.url}`);
  return (
    `<p style="margin:20px 0"><a href="${href}" style="background:#1f4e79;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>` +
    htmlParagraph(`Or open this address: ${action.url}`, "color:#555;font-size:13px")
  );
}

/**
 * The plain-text and HTML bodies of one message, from the same words. Every
 * text is escaped in the HTML, so a note title or a name cannot add markup.
 */
export function composeMail(content: MailContent): { text: string; html: string } {
  const text = [
    ...content.paragraphs,
    ...(content.items ?? []).map(textItem),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...(content.footer?.length ? ["--", ...content.footer.map(textFooterLine)] : []),
  ].join("\n\n");

  const body = [
    ...content.paragraphs.map((paragraph) => htmlParagraph(paragraph)),
    ...(content.items?.length ? [htmlItems(content.items)] : []),
    ...(content.action ? [htmlAction(content.action)] : []),
    ...(content.footer?.length ? [`<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">`, ...content.footer.map(htmlFooterLine)] : []),
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">\n${body}\n</body></html>`;
  return { text: `${text}\n`, html };
}
