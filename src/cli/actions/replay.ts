/** `firedrill replay <run-dir|journal.jsonl>`: re-runs a journal's inputs and checks the drill reproduces. */
import { join } from 'node:path';
import { JournalError } from '../../engine/parse-journal';
import { replay } from '../../engine/replay';
import { listFolder, pathKind } from '../../io/file-system';
import { readJournal } from '../../io/read-journal';
import { loadScenario } from '../../io/scenario-file';
import { score } from '../../scoring/score';
import type { Scenario } from '../../scenario/types';
import { formatClock } from '../../scenario/duration';
import { err, out, outJson } from '../output';
import { scenariosDir } from '../package-paths';
import { inertJsonLine } from '../terminal-json';
import { requireScenario } from '../require-scenario';
import { runFile } from '../run-dir';
import { UserError } from '../user-error';
import { VERSION } from '../../version';

/** The journal path for a run folder or a journal file. */
export function journalPath(target: string): string {
  return runFile(target, 'journal.jsonl', 'is it a firedrill run folder?');
}

function findScenario(id: string, recorded: string | undefined, explicit: string | undefined): Scenario {
  if (explicit) return requireScenario(explicit);
  const candidates = [recorded, ...[join(process.cwd(), 'scenarios'), scenariosDir].flatMap((d) =>
    pathKind(d) !== 'missing' ? listFolder(d).filter((f) => f.endsWith('.yaml')).map((f) => join(d, f)) : [])];
  for (const c of candidates) {
    if (!c || pathKind(c) === 'missing') continue;
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
      score: card.score, grade: card.grade, scorecard: card,
      ...(d ? { divergence: { seq: d.seq, expected: d.expected ?? null, actual: d.actual ?? null } } : {}),
    });
  } else if (result.reproduces) {
    const by = header.firedrill === VERSION ? '' : `; recorded by firedrill ${header.firedrill}`;
    out(`${path}: reproduces — ${result.compared} events identical (seed ${header.seed}, outcome ${result.session.outcome ?? 'unfinished'}, ${card.score === null ? 'not scored' : `score ${card.score} ${card.grade}`})${by}${truncated ? '; the journal was cut off, compared up to its last whole line' : ''}`);
  } else {
    const show = (e: typeof d extends undefined ? never : NonNullable<typeof d>['expected']) =>
      e ? `T+${formatClock(e.atMs)} ${e.actor} (${e.role}) ${e.type} ${inertJsonLine(e.data)}` : '(nothing)';
    out([`${path}: does NOT reproduce: first divergence at event ${d!.seq}`, `  journal: ${show(d!.expected)}`, `  replay:  ${show(d!.actual)}`].join('\n'));
  }
  return result.reproduces ? 0 : 1;
}

/** A journal recorded by another firedrill version: said as such, not as a divergence or a corrupt file. */
function otherVersion(path: string, recordedBy: string, detail: string, opts: { json?: boolean }): number {
  const message = `${path} was recorded by firedrill ${recordedBy}; this is firedrill ${VERSION}, and ${detail}. Replay it with firedrill ${recordedBy} to check it reproduces`;
  if (opts.json) outJson({ reproduces: false, reason: 'other-version', recordedBy, version: VERSION, message, journal: path });
  else err(`firedrill: ${message}`);
  return 1;
}
