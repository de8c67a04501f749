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
    const at = rest.indexOf(tag);
    if (at === -1) continue;
    const after = rest[at + tag.length];
    if (after && /[\p{L}\p{N}]/u.test(after)) continue;
    found.add(member.id);
    rest = rest.replaceAll(tag, " ");
  }
  return [...found];
}
