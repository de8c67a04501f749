/**
 * Team members named in a comment as "@Full Name" (any case). Longer names
 * are tried first, so "@Ann Lee" is not read as "@Ann".
 */
export function mentionedMembers(body: string, members: { id: string; name: string }[]): string[] {
  const found = new Set<string>();
  const sorted = [...members].sort((a, b) => b.name.length - a.name.length);
  let rest = body.toLowerCase();
  for (const member of sorted) {
    const tag = `@${member.name.toLowerCase()}`;
    // Every occurrence is tried, not just the first: "@Annabel … @Ann" still names Ann.
    let at = rest.indexOf(tag);
    while (at !== -1 && /[\p{L}\p{N}]/u.test(rest[at + tag.length] ?? "")) at = rest.indexOf(tag, at + 1);
    if (at === -1) continue;
    found.add(member.id);
    rest = rest.replaceAll(tag, " ");
  }
  return [...found];
}
