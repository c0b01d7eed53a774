/** Parses YAML defensively and keeps source positions so later layers can point at lines. io/yaml-file.ts reads the file. */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { sortProblems, type Problem, type ProblemLayer, type YamlPath } from './problem';

/** Deeper flow nesting than this is refused before parsing (a scenario needs about six). */
export const MAX_NESTING = 64;
const MAX_ALIASES = 100;

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  /** The document as plain JavaScript data. */
  readonly value: unknown;
}

export type LoadResult = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

/** Builds a problem at a line and column. */
export function problemAt(
  file: string, line: number, col: number, layer: ProblemLayer, code: string, message: string,
  path: YamlPath = [], hint?: string, severity: Problem['severity'] = 'error',
): Problem {
  return { file, line, col, layer, severity, code, message, path, ...(hint ? { hint } : {}) };
}

/** A failed load with one problem about the file as a whole (line and column 0). */
export function fileProblem(file: string, code: string, message: string, hint?: string): LoadResult {
  return { ok: false, problems: [problemAt(file, 0, 0, 'file', code, message, [], hint)] };
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  return `a single ${typeof value} value`;
}

/**
 * Block nesting needs a column per level (indent, or a "- ", "? " or ": " indicator), so a line whose leading
 * indent and indicators pass this width may be nested that deep. yaml composes recursively, and near the stack
 * limit V8 can abort the whole process (not throw) when it compiles a regular expression; so such text is refused
 * before parsing. No real scenario comes near it.
 */
export const MAX_INDENT = 4 * MAX_NESTING;

/** The offset where a line's indent and block indicators pass MAX_INDENT columns, without parsing. */
function indentTooDeep(text: string): number | undefined {
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  for (let start = 0; start < text.length; start = text.indexOf('\n', start) + 1 || text.length) {
    let i = start;
    for (;;) {
      while (blank(text[i])) i++;
      const c = text[i];
      if ((c === '-' || c === '?' || c === ':') && blank(text[i + 1])) i++;
      else if (c === '&' || c === '!') while (i < text.length && !blank(text[i]) && text[i] !== '\n') i++;
      else break;
      if (i - start > MAX_INDENT) return start + MAX_INDENT;
    }
    if (i - start > MAX_INDENT) return start + MAX_INDENT;
  }
  return undefined;
}

/** Finds the deepest flow-collection nesting and where it passes the limit, without parsing. */
function nestingTooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = text[i - 1];
      if (prev === undefined || /[\s[{,:]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Walks the composed document without recursion: the first collection nested deeper than MAX_NESTING (block style
 * included) and every repeated key. Keys are checked here with a set per mapping, because yaml's own uniqueKeys
 * check compares each key with every earlier one and takes minutes on a mapping with tens of thousands of keys.
 */
function checkStructure(doc: Document): { deepAt?: number; duplicates: { key: string; at: number; first: number }[] } {
  const duplicates: { key: string; at: number; first: number }[] = [];
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return { deepAt: node.range?.[0] ?? 0, duplicates };
    const seen = new Map<string, number>();
    for (const item of node.items) {
      if (isPair(item)) {
        // Several merge keys in one mapping are allowed: each merges in turn.
        if (isScalar(item.key) && !isMergeKey(item)) {
          const k = String(item.key.value);
          const at = item.key.range?.[0] ?? 0;
          const first = seen.get(k);
          if (first === undefined) seen.set(k, at);
          else duplicates.push({ key: k, at, first });
        }
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return { duplicates };
}

// A line scan, not a regular expression: nested quantifiers over a whole file backtrack badly.
function onlyCommentsOrBlank(text: string): boolean {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#')) return false;
  }
  return true;
}

/** The text of YAML bytes (checked to be UTF-8 text, without a byte-order mark), or why it is not text. */
function decodeText(file: string, bytes: Uint8Array | string): string | LoadResult {
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    if (bytes.includes(0)) return fileProblem(file, 'file/binary', 'looks like a binary file (it contains NUL bytes), not YAML');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fileProblem(file, 'file/encoding', 'is not valid UTF-8 text');
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A syntax/too-deep failure at an offset. */
function tooDeep(file: string, pos: { line: number; col: number }, message = `nesting is deeper than ${MAX_NESTING} levels`): LoadResult {
  return { ok: false, problems: [problemAt(file, pos.line, pos.col, 'syntax', 'syntax/too-deep', message)] };
}

/** Refuses text nested too deep to parse safely, found by scanning (lines counts the lines up to it). */
function tooDeepToParse(file: string, text: string, lines: LineCounter): LoadResult | undefined {
  const flowDeepAt = nestingTooDeep(text);
  const deepAt = flowDeepAt ?? indentTooDeep(text);
  if (deepAt === undefined) return undefined;
  lines.addNewLine(0);
  for (let i = 0; i < deepAt; i++) if (text.charCodeAt(i) === 10) lines.addNewLine(i + 1);
  return tooDeep(file, lines.linePos(deepAt), flowDeepAt !== undefined ? undefined
    : `nesting is deeper than ${MAX_NESTING} levels (a line is indented or nested more than ${MAX_INDENT} columns)`);
}

/** The offset of the first tab in a line's leading whitespace at or after `from`, or -1. */
function indentTab(text: string, from: number): number {
  for (let start = from; start < text.length; start = text.indexOf('\n', start) + 1 || text.length) {
    let i = start;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
      const t = text.indexOf('\t', start);
      if (t >= 0 && t < i) return t;
    }
  }
  return -1;
}

/**
 * The tabs that indent lines and break the parse, and the offset from which the parser's errors are their echo. A tab
 * used as indent makes the parser misread the lines after it ("All mapping items must start at the same column",
 * ...), so one tab would be several errors; it is one problem that says the fix. The parser names most such tabs
 * itself; a tab that pulls a line into a block scalar above it it does not, so then the last tab-indented line up to
 * the first error is blamed when that error is on it or at most two lines below it.
 */
function blamedTab(doc: Document, text: string, lines: LineCounter): { at: number; tabs: number[] } {
  const named = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => e.pos[0]);
  if (named.length) return { at: Math.min(...named), tabs: named };
  const first = doc.errors.length ? Math.min(...doc.errors.map((e) => e.pos[0])) : undefined;
  if (first === undefined) return { at: Infinity, tabs: [] };
  // The last tab-indented line up to the first error's line.
  const lineEnd = text.indexOf('\n', first);
  const upTo = lineEnd < 0 ? text.length : lineEnd;
  let tab = -1;
  for (let t = indentTab(text, 0); t >= 0 && t <= upTo; t = indentTab(text, text.indexOf('\n', t) + 1 || text.length)) tab = t;
  if (tab < 0) return { at: Infinity, tabs: [] };
  const gap = lines.linePos(first).line - lines.linePos(tab).line;
  return gap <= 2 ? { at: Math.min(tab, first), tabs: [tab] } : { at: Infinity, tabs: [] };
}

/** The parsed document's problems: nesting too deep, then syntax errors and repeated keys; undefined when there are none. */
function documentProblems(file: string, doc: Document, text: string, lines: LineCounter, what: string): LoadResult | undefined {
  const overflow = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  // The composer ran out of stack on block nesting far deeper than the flow-nesting guard allows.
  if (overflow) return tooDeep(file, overflow.linePos?.[0] ?? lines.linePos(overflow.pos[0]));
  const structure = checkStructure(doc);
  if (structure.deepAt !== undefined) return tooDeep(file, lines.linePos(structure.deepAt));
  const tab = blamedTab(doc, text, lines);
  // An error at the very end of the line above the tab is the parser reading that line's value as what follows.
  const tabLine = text.lastIndexOf('\n', tab.at) + 1;
  const echo = (at: number) => tab.at !== Infinity && (at >= tab.at || (at <= tabLine && text.slice(at, tabLine).trim() === ''));
  const syntax = doc.errors.filter((e) => !echo(e.pos[0])).map((e) => {
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    const message = e.code === 'NON_STRING_KEY' ? 'a key must be a plain name, not a list, mapping or alias'
      : e.code === 'MULTIPLE_DOCS' ? `holds more than one YAML document (a --- line); a ${what} is one document`
      : e.message.split('\n')[0]!;
    return problemAt(file, pos.line, pos.col, 'syntax', `syntax/${e.code.toLowerCase().replace(/_/g, '-')}`, message);
  });
  for (const at of tab.tabs) {
    const pos = lines.linePos(at);
    syntax.push(problemAt(file, pos.line, pos.col, 'syntax', 'syntax/tab-as-indent', 'a tab is used for indentation; YAML cannot be indented with tabs, use spaces'));
  }
  for (const d of structure.duplicates) {
    if (echo(d.at)) continue;
    const pos = lines.linePos(d.at);
    syntax.push(problemAt(file, pos.line, pos.col, 'syntax', 'syntax/duplicate-key', `duplicate key "${d.key}" (first at line ${lines.linePos(d.first).line}); keys in a mapping must be unique`));
  }
  return syntax.length ? { ok: false, problems: sortProblems(syntax) } : undefined;
}

/** Whether a pair is a YAML merge key (`<<: *defaults`): a plain, unquoted `<<`. */
function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN';
}

/** The mappings a merge key's value brings in, aliases resolved; a node that is not a mapping stays as it is. */
function mergeSources(doc: Document, value: unknown): unknown[] {
  const resolve = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const v = resolve(value);
  return isSeq(v) ? v.items.map(resolve) : [v];
}

/** Where the first merge key whose value is not a mapping (or a list of them) is written. */
function badMergeSource(doc: Document): number {
  let at = 0;
  visit(doc, {
    Pair: (_, pair) => {
      if (!isMergeKey(pair as Pair) || mergeSources(doc, pair.value).every(isMap)) return undefined;
      at = (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node).range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}

/** The document as plain data, refusing alias bombs and aliases without an anchor. */
function plainValue(file: string, doc: Document, lines: LineCounter): { value: unknown } | LoadResult {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (err) {
    const msg = (err as Error).message;
    if (/excessive alias/i.test(msg)) {
      return fileProblem(file, 'syntax/alias-bomb', `uses aliases (*name) so heavily it would expand enormously (a "billion laughs"); at most ${MAX_ALIASES} alias expansions are allowed`);
    }
    if (/^Merge sources must be/.test(msg)) {
      const at = badMergeSource(doc);
      const pos = lines.linePos(at);
      return { ok: false, problems: [problemAt(file, pos.line, pos.col, 'syntax', 'syntax/bad-merge', 'a merge key (<<) takes a mapping, an alias of one (*name) or a list of them')] };
    }
    const unresolved = /^Unresolved alias.*: (.*)$/.exec(msg.split('\n')[0]!);
    if (unresolved) {
      // Not a bomb: an alias (*name) used before its anchor (&name), or with no anchor at all.
      const name = unresolved[1]!;
      let at = 0;
      visit(doc, { Alias: (_, node) => (node.source === name ? ((at = node.range?.[0] ?? 0), visit.BREAK) : undefined) });
      const pos = lines.linePos(at);
      return { ok: false, problems: [problemAt(file, pos.line, pos.col, 'syntax', 'syntax/unresolved-alias', `alias *${name} has no anchor &${name} before it`)] };
    }
    return fileProblem(file, 'syntax/invalid', msg.split('\n')[0]!);
  }
}

/** Parses YAML text or bytes (checked to be UTF-8 text) as a mapping; every failure comes back as positioned problems. */
export function parseYamlText(file: string, bytes: Uint8Array | string, what = 'file'): LoadResult {
  const text = decodeText(file, bytes);
  if (typeof text !== 'string') return text;
  if (onlyCommentsOrBlank(text)) {
    return fileProblem(file, 'file/empty', `is empty; a ${what} is a YAML mapping of key: value lines`);
  }
  const lines = new LineCounter();
  const deep = tooDeepToParse(file, text, lines);
  if (deep) return deep;
  // stringKeys: a list or mapping used as a key is an error (toJS would stringify nested ones in exponential time);
  // logLevel: yaml's console warnings would leak past the problem list.
  // uniqueKeys: checked in checkStructure instead, in linear time.
  // merge: `<<: *defaults` merge keys work as YAML 1.1 defined them; the merged keys are checked as if written out.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, stringKeys: true, merge: true, logLevel: 'error' });
  const problems = documentProblems(file, doc, text, lines, what);
  if (problems) return problems;
  const plain = plainValue(file, doc, lines);
  if (!('value' in plain)) return plain;
  const { value } = plain;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const pos = doc.contents?.range ? lines.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    return { ok: false, problems: [problemAt(file, pos.line, pos.col, 'syntax', 'syntax/not-a-mapping', `holds ${describeKind(value)}; a ${what} is a YAML mapping of key: value lines`)] };
  }
  return { ok: true, source: { file, text, doc, lines, value } };
}

// Big mappings' pairs by key, built on first use: problems are located one by one, and a linear search per
// problem is quadratic in a mapping with thousands of keys.
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const match = (p: unknown): p is Pair => isPair(p) && isScalar(p.key) && String(p.key.value) === key;
  if (map.items.length <= 32) return map.items.find(match);
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

/**
 * The pair for a key in a mapping: written there, or else brought in by a merge key (the first source that has it,
 * as YAML merges), so a problem with a merged key points where the key is written.
 */
function pairIn(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const own = pairOf(map, key);
  if (own || depth > 8) return own;
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item)) continue;
    for (const source of mergeSources(doc, item.value)) {
      const found = isMap(source) ? pairIn(doc, source, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Line and column of the node at a YAML path (its key when `key` is set); the deepest existing parent otherwise. */
export function locate(source: YamlSource, path: YamlPath, key = false): { line: number; col: number } {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let found: Node | null | undefined = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    // Going through an alias means going into what it names; the alias itself is where a problem with its whole value is.
    if (isAlias(node)) node = node.resolve(source.doc) as Node | undefined;
    if (isMap(node)) {
      const pair = pairIn(source.doc, node, String(seg));
      if (!pair) break;
      if (last && key && pair.key) {
        found = pair.key as Node;
        break;
      }
      if (!pair.value) {
        found = pair.key as Node;
        break;
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | null;
    } else break;
    if (node) found = node;
    else break;
  }
  const offset = found?.range?.[0] ?? 0;
  return source.lines.linePos(offset);
}
