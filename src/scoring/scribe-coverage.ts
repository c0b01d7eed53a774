/** Scribe coverage: which key events a scribe noted within the window, and which they missed. */
import type { JournalEvent } from '../engine/journal';
import { PARAMS, type JournalIndex } from './journal-index';
import type { TimelineEntry } from './types';

const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'will', 'into', 'been', 'were', 'they', 'there', 'about', 'what', 'when', 'next', 'update', 'minutes', 'status']);

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9-]+/).filter((w) => w.length >= 4 && !STOP.has(w)));
}

/** The text a key event is about, for keyword matching and the missed list. */
function describe(e: JournalEvent): string {
  const d = e.data;
  switch (e.type) {
    case 'decision': return `decision ${String(d.id)}: ${String(d.text)}`;
    case 'task.assign': return `${String(d.id)} assigned to ${String(d.to)}: ${String(d.text)}`;
    case 'status.update': return `status update: ${String(d.text)}`;
    case 'sev.set': return `severity ${String(d.level)}`;
    case 'action.done': return `mitigation: ${String(d.result)}`;
    default: return e.type;
  }
}

export interface KeyEvent {
  readonly event: JournalEvent;
  readonly kind: 'decision' | 'assignment' | 'status' | 'severity' | 'mitigation';
}

/** The key events a scribe should note (incident-process.md §2.3); mitigation counts once the world has mitigated. */
export function keyEvents(events: readonly JournalEvent[], tMitigated?: number): KeyEvent[] {
  const out: KeyEvent[] = [];
  for (const e of events) {
    if (e.type === 'decision') out.push({ event: e, kind: 'decision' });
    else if (e.type === 'task.assign') out.push({ event: e, kind: 'assignment' });
    else if (e.type === 'status.update') out.push({ event: e, kind: 'status' });
    else if (e.type === 'sev.set') out.push({ event: e, kind: 'severity' });
    else if (e.type === 'action.done' && e.data.changed === true && e.atMs === tMitigated) out.push({ event: e, kind: 'mitigation' });
  }
  return out;
}

// Word sets are computed once per event: coverage compares each key event with several notes.
const wordCache = new WeakMap<JournalEvent, Set<string>>();
function wordsOf(e: JournalEvent, text: () => string): Set<string> {
  let w = wordCache.get(e);
  if (!w) wordCache.set(e, (w = words(text())));
  return w;
}

/** Whether a scribe note covers a key event: it names its id, its level, or shares two keywords. */
export function notes(note: JournalEvent, key: JournalEvent): boolean {
  const text = String(note.data.text);
  const refs = (note.data.refs as string[] | undefined) ?? [];
  const id = key.data.id;
  if (typeof id === 'string' && refs.includes(id)) return true;
  if (key.type === 'sev.set') return text.toUpperCase().includes(String(key.data.level)) || /severity/i.test(text);
  const a = wordsOf(key, () => describe(key));
  let shared = 0;
  for (const w of wordsOf(note, () => text)) if (a.has(w) && ++shared >= 2) return true;
  return false;
}

export interface Coverage {
  readonly coverage: number | null;
  readonly noted: number;
  readonly total: number;
  readonly missed: KeyEvent[];
}

/** Coverage of key events by notes of scribes within SCRIBE_WINDOW. */
export function scribeCoverage(ix: JournalIndex, kinds?: ReadonlySet<KeyEvent['kind']>): Coverage {
  const keys = keyEvents(ix.events, ix.tMitigated).filter((k) => !kinds || kinds.has(k.kind));
  const scribeNotes = ix.of('scribe.note').filter((n) => ix.scribes.has(n.actor));
  const missed: KeyEvent[] = [];
  let i = 0;
  for (const k of keys) {
    // Notes are in time order; skip those before the event, then look through the window.
    while (i < scribeNotes.length && scribeNotes[i]!.atMs < k.event.atMs) i++;
    let hit = false;
    for (let j = i; j < scribeNotes.length && scribeNotes[j]!.atMs - k.event.atMs <= PARAMS.SCRIBE_WINDOW; j++) {
      if (notes(scribeNotes[j]!, k.event)) {
        hit = true;
        break;
      }
    }
    if (!hit) missed.push(k);
  }
  return { coverage: keys.length ? (keys.length - missed.length) / keys.length : null, noted: keys.length - missed.length, total: keys.length, missed };
}

/** A missed key event as a timeline entry for the scorecard. */
export function missedEntry(k: KeyEvent): TimelineEntry {
  return { atMs: k.event.atMs, actor: k.event.actor, role: k.event.role, kind: k.kind, text: describe(k.event) };
}
