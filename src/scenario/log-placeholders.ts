/** The placeholders a log line may use; the engine fills each from the seeded generator. */

export const LOG_PLACEHOLDERS = [
  'host', 'ip', 'pod', 'region', 'requestId', 'traceId', 'uuid', 'user', 'email', 'customer',
  'path', 'status', 'port', 'number', 'ms', 'version', 'hex', 'wal', 'table', 'queue',
] as const;
export type LogPlaceholder = (typeof LOG_PLACEHOLDERS)[number];

// Only {word} is a placeholder, so JSON-shaped log lines such as {"level":"error"} stay literal.
export const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names used in a template, in order, with their offsets. */
export function placeholdersIn(template: string): { name: string; index: number }[] {
  return [...template.matchAll(PLACEHOLDER_RE)].map((m) => ({ name: m[1]!, index: m.index }));
}

/** Whether a name is a known placeholder. */
export function isPlaceholder(name: string): name is LogPlaceholder {
  return (LOG_PLACEHOLDERS as readonly string[]).includes(name);
}
