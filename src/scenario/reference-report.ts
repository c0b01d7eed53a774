/** Collects reference problems at YAML paths, with did-you-mean suggestions under a fixed work budget. */
import { didYouMean, knownNamesHint, LIST_ALL_UP_TO, unknownNameHint } from './did-you-mean';
import type { Problem, YamlPath } from './problem';
import { locate, problemAt, type YamlSource } from './yaml-source';

export interface ReferenceReport {
  /** What has been reported so far, in order. */
  readonly problems: Problem[];
  /** Reports a reference problem at a path (at its key when `key` is set). */
  report(path: YamlPath, code: string, message: string, hint?: string, key?: boolean): void;
  /** The closest candidate to a misspelt name, while the budget lasts. */
  suggest(word: string, candidates: Iterable<string>): string | undefined;
  /** The hint for an unknown name: a did-you-mean and the known names (`what`, plural), closest first while the budget lasts. */
  choices(word: string, candidates: Names, what: string): string;
}

/** Declared names: a map or set keyed by them, or a list. */
export type Names = ReadonlyMap<string, unknown> | ReadonlySet<string> | readonly string[];

function namesOf(names: Names, max = Infinity): string[] {
  const out: string[] = [];
  for (const n of Array.isArray(names) ? names : (names as ReadonlySet<string>).keys()) {
    if (out.length >= max) break;
    out.push(n);
  }
  return out;
}

/** A fresh report for one scenario file. */
export function referenceReport(source: YamlSource): ReferenceReport {
  const problems: Problem[] = [];
  // Each suggestion costs an edit distance per candidate; a hostile file with thousands of unknown names and
  // thousands of ids would take minutes, so suggestions stop after a fixed amount of work.
  let suggestBudget = 20_000;
  return {
    problems,
    report(path, code, message, hint, key = false) {
      const pos = locate(source, path, key);
      problems.push(problemAt(source.file, pos.line, pos.col, 'reference', code, message, path, hint));
    },
    suggest(word, candidates) {
      if (suggestBudget <= 0) return undefined;
      const all = [...candidates];
      suggestBudget -= all.length;
      return suggestBudget >= 0 ? didYouMean(word, all) : undefined;
    },
    choices(word, names, what) {
      const total = Array.isArray(names) ? names.length : (names as ReadonlySet<string>).size;
      suggestBudget -= total;
      return suggestBudget >= 0 ? unknownNameHint(word, namesOf(names), what) : knownNamesHint(namesOf(names, LIST_ALL_UP_TO + 1), total, what);
    },
  };
}
