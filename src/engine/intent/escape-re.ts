/** The text with every regular-expression metacharacter escaped, for building a pattern from a name. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
