/**
 * The scribe's ledger: every key event a scribe should note (incident-process.md §2.3), when it was
 * seen, when it is due, and the note that covered it. RD-30, the scorecard's coverage and the scribe's
 * "not yet noted" panel are all computed here, so the screen shows the rule the scorer applies.
 */
import { contentStems } from '../engine/intent/words';
import { is, type EventOf } from '../engine/events';
import type { JournalEvent } from '../engine/journal';

/** A scribe's note. */
export type Note = EventOf<'scribe.note'>;
import { dueInDrill, PARAMS, type JournalIndex } from './journal-index';
import type { TimelineEntry } from './types';

export type KeyKind = 'decision' | 'assignment' | 'status' | 'severity' | 'mitigation' | 'followup';

export interface KeyEvent {
  /** The event players saw: for the mitigation, the report or status update that said so. */
  readonly event: JournalEvent;
  readonly kind: KeyKind;
  /** Its id as players see it (T3, X1, S2), or the severity level. */
  readonly ref: string;
  /** What it was about, as the channel showed it. */
  readonly text: string;
  /** The actions and probes it is about. */
  readonly about: readonly string[];
}

export interface LedgerItem extends KeyEvent {
  /** When a note is due: the event's time plus the scribe window. */
  readonly dueAt: number;
  /** When a scribe's note first covered it, if one did (possibly late). */
  readonly notedAt?: number;
}

// Words a scribe uses for the impact stopping: "mitigated", "errors back to normal", "recovered".
const MITIGATED_RE = /\b(?:mitigat\w*|recover\w*|restored|back to (?:normal|baseline)|normal again|resolved|fixed|impact (?:has )?stopped|(?:errors?|latency|metrics?) (?:are |is )?(?:back|down)|healthy again|green again)\b/i;


function sevLevel(text: string): string | undefined {
  const m = /\bsev(?:erity)?[\s-]*([1-5])\b/i.exec(text);
  return m ? `SEV-${m[1]}` : undefined;
}

/** The key events of a journal, in order. The mitigation counts once players were told of it. */
export function keyEvents(events: readonly JournalEvent[], tMitigated?: number): KeyEvent[] {
  const out: KeyEvent[] = [];
  const mitigating = tMitigated === undefined ? undefined : events.find((e): e is EventOf<'action.done'> => e.type === 'action.done' && e.data.changed && e.atMs === tMitigated);
  let mitigationSeen = false;
  for (const e of events) {
    if (e.type === 'decision') out.push({ event: e, kind: 'decision', ref: e.data.id, text: e.data.text, about: e.data.actions });
    else if (e.type === 'task.assign') {
      const owners = e.data.owners.length ? e.data.owners : [e.data.to];
      out.push({ event: e, kind: 'assignment', ref: e.data.id, text: `${e.data.id} assigned to ${owners.join(' and ')}: ${e.data.text}`, about: e.data.refs });
    } else if (e.type === 'status.update') out.push({ event: e, kind: 'status', ref: e.data.id, text: e.data.text, about: [] });
    else if (e.type === 'sev.set') out.push({ event: e, kind: 'severity', ref: e.data.level, text: `severity ${e.data.level}`, about: [] });
    else if (e.type === 'inject' && e.data.kind === 'followup') out.push({ event: e, kind: 'followup', ref: 'TODO', text: e.data.text, about: [] });
    if (!mitigationSeen && tMitigated !== undefined && e.atMs >= tMitigated && (e.type === 'task.report' || e.type === 'status.update')) {
      mitigationSeen = true;
      const action = mitigating?.data.action ?? '';
      // Its own ref: a note about the report's task ("T1 ...") is not, by that, a note of the mitigation.
      out.push({ event: e, kind: 'mitigation', ref: 'mitigation', text: `mitigation: ${e.data.text}`, about: action ? [action] : [] });
    }
  }
  return out;
}

// Word sets are computed once per event: the ledger compares each key event with several notes.
const wordCache = new WeakMap<object, Set<string>>();
function wordsOf(key: object, text: string): Set<string> {
  let w = wordCache.get(key);
  if (!w) wordCache.set(key, (w = contentStems(text)));
  return w;
}

/**
 * Whether a scribe note covers a key event: it names its id or its action, states its level, or shares two
 * telling words with it. A note that starts with an id ("T1: carol checks the logs") is about that event only.
 */
export function notes(note: Note, key: KeyEvent, names: ReadonlySet<string> = new Set()): boolean {
  const n = readNote(note);
  // A bare id ("/note T1") records nothing about what happened.
  if (n.empty) return false;
  if (key.kind === 'followup') return note.data.todo && sharedWords(note, key, names) >= 1;
  if (n.refs.includes(key.ref)) return true;
  // "T1: carol checks the logs" is about T1; "Status: SEV-2, T1 still open" is about the status.
  if (n.leadingId && key.kind !== 'severity' && key.kind !== 'mitigation') return false;
  if (key.about.some((a) => n.refs.includes(a))) return true;
  if (key.kind === 'severity') return n.level === key.ref || n.saysSeverity;
  if (key.kind === 'mitigation' && n.saysMitigated) return true;
  const shared = sharedWords(note, key, names);
  // A status note says it is one ("Status: ...", "update") and needs less of the wording.
  return shared >= 2 || (key.kind === 'status' && shared >= 1 && n.saysStatus);
}

interface NoteReading {
  readonly empty: boolean;
  readonly refs: readonly string[];
  readonly leadingId: boolean;
  readonly level: string | undefined;
  readonly saysSeverity: boolean;
  readonly saysMitigated: boolean;
  readonly saysStatus: boolean;
}

// A note is compared with many key events; what it says is read once.
const noteReadings = new WeakMap<Note, NoteReading>();
function readNote(note: Note): NoteReading {
  let r = noteReadings.get(note);
  if (r) return r;
  const text = note.data.text;
  r = {
    empty: text.replace(/\b[TXPDS]\d+\b/gi, '').replace(/[^\p{L}\p{N}]+/gu, '') === '',
    refs: note.data.refs,
    leadingId: /^\W*[TXPDS]\d+\b/i.test(text),
    level: sevLevel(text),
    saysSeverity: /\bseverity\b/i.test(text),
    saysMitigated: MITIGATED_RE.test(text),
    saysStatus: /\b(?:status|update|sitrep)\b/i.test(text),
  };
  noteReadings.set(note, r);
  return r;
}

// Severity words recur in every status; a note of the level is not, by them, a note of the status.
const NOT_TELLING = /^(?:sev|sev-[1-5]|severiti|severity)$/;

/** Telling words a note shares with a key event: people's names and severity words say who and how bad, not what. */
function sharedWords(note: Note, key: KeyEvent, names: ReadonlySet<string>): number {
  const a = wordsOf(key.kind === 'mitigation' ? { m: key.event } : key.event, key.text);
  let shared = 0;
  for (const w of wordsOf(note, note.data.text)) if (a.has(w) && !names.has(w) && !NOT_TELLING.test(w)) shared++;
  return shared;
}

/** The ledger of key events against the notes of the people in `scribes`. */
export function scribeLedger(events: readonly JournalEvent[], scribes: ReadonlySet<string>, tMitigated?: number): LedgerItem[] {
  const scribeNotes = events.filter(is('scribe.note')).filter((e) => scribes.has(e.actor));
  const names = new Set(events.filter((e) => e.role !== 'system').map((e) => e.actor.toLowerCase()));
  const keys = keyEvents(events, tMitigated);
  const todoFor = pairTodos(keys.filter((k) => k.kind === 'followup'), scribeNotes.filter((n) => n.data.todo), names);
  const ledger = keys.map((k) => {
    const dueAt = k.event.atMs + PARAMS.SCRIBE_WINDOW;
    const note = k.kind === 'followup' ? todoFor.get(k) : firstNoteOf(k, scribeNotes, names);
    return note ? { ...k, dueAt, notedAt: note.atMs } : { ...k, dueAt };
  });
  return ledger;
}

// One score asks for the same ledger three times (RD-30, RD-31, the coverage): it is worked out once per index.
const ledgers = new WeakMap<JournalIndex, LedgerItem[]>();

/** The ledger of a scored journal (its scribes, its mitigation), worked out once per journal index. */
export function ledgerOf(ix: JournalIndex): LedgerItem[] {
  let ledger = ledgers.get(ix);
  if (!ledger) ledgers.set(ix, (ledger = scribeLedger(ix.events, ix.scribes, ix.tMitigated)));
  return ledger;
}

/** The first note at or after a key event that covers it; notes are in time order, so the search starts there. */
function firstNoteOf(k: KeyEvent, scribeNotes: readonly Note[], names: ReadonlySet<string>): Note | undefined {
  let lo = 0;
  let hi = scribeNotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scribeNotes[mid]!.atMs < k.event.atMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < scribeNotes.length; i++) if (notes(scribeNotes[i]!, k, names)) return scribeNotes[i];
  return undefined;
}

/**
 * One TODO records one follow-up. Each TODO goes to the earlier follow-up it shares the most words with, so
 * one nobody noted cannot take the TODO written, word for word, for a later one.
 */
function pairTodos(followups: readonly KeyEvent[], todos: readonly Note[], names: ReadonlySet<string>): Map<KeyEvent, Note> {
  const paired = new Map<KeyEvent, Note>();
  for (const todo of todos) {
    let best: KeyEvent | undefined;
    let most = 0;
    for (const f of followups) {
      if (paired.has(f) || f.event.atMs > todo.atMs || !notes(todo, f, names)) continue;
      const shared = sharedWords(todo, f, names);
      if (shared > most) [best, most] = [f, shared];
    }
    if (best) paired.set(best, todo);
  }
  return paired;
}

/** Whether an item was noted in time. */
export function notedInTime(item: LedgerItem): boolean {
  return item.notedAt !== undefined && item.notedAt <= item.dueAt;
}

export interface Coverage {
  readonly coverage: number | null;
  readonly noted: number;
  readonly total: number;
  readonly missed: LedgerItem[];
}

/** Coverage of key events (follow-ups aside: RD-31 judges those) by scribes' notes within SCRIBE_WINDOW. */
export function scribeCoverage(ix: JournalIndex, kinds?: ReadonlySet<KeyKind>): Coverage {
  // An event the drill ended within two minutes of, and nobody noted yet, was not yet due.
  const items = ledgerOf(ix)
    .filter((k) => k.kind !== 'followup' && (!kinds || kinds.has(k.kind)) && (k.notedAt !== undefined || dueInDrill(ix, k.dueAt, k.event.atMs)));
  const missed = items.filter((k) => !notedInTime(k));
  return { coverage: items.length ? (items.length - missed.length) / items.length : null, noted: items.length - missed.length, total: items.length, missed };
}

/** A missed key event as a timeline entry for the scorecard. */
export function missedEntry(k: KeyEvent): TimelineEntry {
  const label = k.kind === 'decision' ? `decision ${k.ref}: ${k.text}` : k.kind === 'status' ? `status update ${k.ref}: ${k.text}` : k.text;
  return { atMs: k.event.atMs, actor: k.event.actor, role: k.event.role, kind: k.kind, text: label };
}
