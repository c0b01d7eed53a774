/** `firedrill replay <run-dir|journal.jsonl>`: re-runs a journal's inputs and checks the drill reproduces. */
import { join } from 'node:path';
import { JournalError } from '../../engine/parse-journal';
import { replay } from '../../engine/replay';
import type { JournalEvent } from '../../engine/journal';
import { listFolder, pathKind } from '../../io/file-system';
import { isRegularFile } from '../../io/read-bounded';
import { readJournal } from '../../io/read-journal';
import { loadScenario } from '../../io/scenario-file';
import { score } from '../../scoring/score';
import type { Scenario } from '../../scenario/types';
import { formatClock } from '../../scenario/duration';
import { err, out, outJson } from '../output';
import { scenariosDir } from '../package-paths';
import { requireScenario } from '../require-scenario';
import { runFile } from '../run-dir';
import { UserError } from '../user-error';
import { VERSION } from '../../version';
import { inertJsonLine } from '../terminal-json';

/** The journal path for a run folder or a journal file. */
export function journalPath(target: string): string {
  return runFile(target, 'journal.jsonl', 'is it a firedrill run folder?');
}

/** The scenario a journal was made from: the one given, else the recorded file or a library scenario with its id. */
export function findScenario(id: string, recorded: string | undefined, explicit: string | undefined): Scenario {
  if (explicit) return requireScenario(explicit);
  const candidates = [recorded, ...[join(process.cwd(), 'scenarios'), scenariosDir].flatMap((d) =>
    pathKind(d) === 'folder' ? listFolder(d).filter((f) => f.endsWith('.yaml')).map((f) => join(d, f)) : [])];
  for (const c of candidates) {
    // The recorded path is data from the journal, not the user's word: only a regular file is read (never a device or FIFO).
    if (!c || !isRegularFile(c)) continue;
    const { scenario } = loadScenario(c);
    if (scenario?.id === id) return scenario;
  }
  throw new UserError(`cannot find scenario "${id}" (recorded as ${recorded ?? 'unknown'}); pass it with --scenario FILE`);
}

/** Runs the replay command; returns the exit code. */
export function runReplay(target: string, opts: { json?: boolean; scenario?: string }): number {
  const path = journalPath(target);
  let read;
  try {
    read = readJournal(path);
  } catch (e) {
    if (!(e instanceof JournalError)) throw e;
    // A journal another version wrote may hold events this one does not know: that is the version, not a corrupt file.
    if (e.recordedBy !== undefined && e.recordedBy !== VERSION) return otherVersion(path, e.recordedBy, `it cannot read the journal (${e.message})`, opts);
    throw new UserError(e.message);
  }
  const { header, events, truncated } = read;
  if (truncated) err(`warning: ${path} ends with a partial line (the drill was interrupted); replaying the ${events.length} whole events`);
  const scenario = findScenario(header.scenario.id, header.scenario.file, opts.scenario);
  if (scenario.hash !== header.scenario.hash) {
    const msg = `${path} was made from a different version of scenario "${header.scenario.id}" (journal hash ${header.scenario.hash.slice(0, 12)}, scenario file hash ${scenario.hash.slice(0, 12)}); replay needs the exact scenario it was run with`;
    if (opts.json) outJson({ reproduces: false, reason: 'scenario-changed', message: msg, journal: path });
    else err(`firedrill: ${msg}`);
    return 1;
  }
  const result = replay(scenario, header, events);
  const d = result.divergence;
  if (d && header.firedrill !== VERSION) {
    return otherVersion(path, header.firedrill, `this firedrill plays it differently from event ${d.seq} (${d.expected?.type ?? 'the end'})`, opts);
  }
  const card = score(scenario, header, events);
  if (opts.json) {
    outJson({
      reproduces: result.reproduces, journal: path, scenario: header.scenario, seed: header.seed, events: events.length,
      compared: result.compared, truncated, outcome: result.session.outcome ?? null,
      score: card.score, grade: card.grade, scorecard: bounded(card, SCORECARD_CHARS),
      ...(d ? { divergence: { seq: d.seq, expected: d.expected ? bounded(d.expected, DIVERGENCE_CHARS) : null, actual: d.actual ? bounded(d.actual, DIVERGENCE_CHARS) : null } } : {}),
    });
  } else if (result.reproduces) {
    const by = header.firedrill === VERSION ? '' : `; recorded by firedrill ${header.firedrill}`;
    out(`${path}: reproduces — ${result.compared} events identical (seed ${header.seed}, outcome ${result.session.outcome ?? 'unfinished'}, ${card.score === null ? 'not scored' : `score ${card.score} ${card.grade}`})${by}${truncated ? '; the journal was cut off, compared up to its last whole line' : ''}`);
  } else {
    out(divergenceLines(path, d!).join('\n'));
  }
  return result.reproduces ? 0 : 1;
}

/** Characters of each side of a divergence printed: enough to see the difference, never a whole huge event. */
export const DIVERGENCE_CHARS = 300;

// The data as escaped JSON: a control character shows as \uXXXX, so two sides that differ only there never look alike.
const eventText = (e: JournalEvent | undefined): string =>
  e ? `#${e.seq} T+${formatClock(e.atMs)} ${e.actor} (${e.role}) ${e.type} ${inertJsonLine(e.data)}` : '(nothing)';

/** A value for the JSON output with every string cut to `max` characters, saying how much was left out: one huge event stays a small document. */
function bounded(v: unknown, max: number): unknown {
  if (typeof v === 'string') return v.length > max ? `${v.slice(0, max)}… (${v.length - max} more characters)` : v;
  if (Array.isArray(v)) return v.map((x) => bounded(x, max));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bounded(x, max)]));
  return v;
}

/** The scorecard in replay's JSON: its strings cut far above anything a drill writes (titles are 200, texts 4000). */
const SCORECARD_CHARS = 10_000;

/** At most `max` characters of text around `at` (where two sides first differ), saying what was left out. */
function excerpt(text: string, at: number, max = DIVERGENCE_CHARS): string {
  if (text.length <= max) return text;
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let end = start + max;
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start++;
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return `${start ? `…(${start} characters) ` : ''}${text.slice(start, end)}${end < text.length ? ` …(${text.length - end} more characters)` : ''}`;
}

/** The text report of a divergence: what the journal has and what the replay made, each bounded; a gap in the numbering is named as one. */
export function divergenceLines(path: string, d: NonNullable<ReturnType<typeof replay>['divergence']>): string[] {
  const journal = eventText(d.expected);
  const replayed = eventText(d.actual);
  let at = 0;
  while (at < journal.length && journal[at] === replayed[at]) at++;
  const seq = d.expected?.seq;
  // Line numbers count the header: event n is on line n + 1.
  const gap = seq === undefined || seq === d.seq ? ''
    : seq > d.seq ? `: ${path}:${d.seq + 1} is numbered ${seq}, so the journal skips ${seq - d.seq === 1 ? `event ${d.seq}` : `events ${d.seq}–${seq - 1}`} (a gap: lines were removed or renumbered)`
      : `: ${path}:${d.seq + 1} is numbered ${seq}, but event ${d.seq} belongs there (a repeated or out-of-order number)`;
  return [
    `${path}: does NOT reproduce: first divergence at event ${d.seq}${gap}`,
    `  journal: ${excerpt(journal, at)}`,
    `  replay:  ${excerpt(replayed, at)}`,
  ];
}

/** A journal recorded by another firedrill version: said as such, not as a divergence or a corrupt file. */
function otherVersion(path: string, recordedBy: string, detail: string, opts: { json?: boolean }): number {
  const message = `${path} was recorded by firedrill ${recordedBy}; this is firedrill ${VERSION}, and ${detail}. Replay it with firedrill ${recordedBy} to check it reproduces`;
  if (opts.json) outJson({ reproduces: false, reason: 'other-version', recordedBy, version: VERSION, message, journal: path });
  else err(`firedrill: ${message}`);
  return 1;
}
