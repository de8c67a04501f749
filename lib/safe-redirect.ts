/** A same-site path to go to after signing in; anything else (other hosts, "//evil") becomes "/". */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
