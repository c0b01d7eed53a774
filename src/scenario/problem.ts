/** A problem found in a file: what is wrong, where, and how to fix it. */

export type ProblemSeverity = 'error' | 'warning';
/** Which validation layer found the problem. */
export type ProblemLayer = 'file' | 'syntax' | 'schema' | 'reference' | 'lint';
export type YamlPath = readonly (string | number)[];

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly layer: ProblemLayer;
  readonly severity: ProblemSeverity;
  /** A stable code such as `lint/unreachable-phase`, for tests and --json consumers. */
  readonly code: string;
  readonly message: string;
  readonly path: YamlPath;
  readonly hint?: string;
}

/** Renders a YAML path as dotted text: phases.steady.after["2m"], services[0].id. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** One line per problem: `file:line:col: severity: message (at path; hint)`. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  const extras = [p.path.length ? `at ${formatPath(p.path)}` : '', p.hint ?? ''].filter(Boolean).join('; ');
  return `${where}: ${p.severity}: ${p.message}${extras ? ` (${extras})` : ''}`;
}

/** Orders problems by position so a file reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
