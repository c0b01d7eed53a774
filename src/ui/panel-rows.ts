/** The rows of each role panel, computed from the drill state as plain data (tested without rendering). */
import { is } from '../engine/events';
import { stripControl } from '../engine/sanitize';
import type { DrillView, ViewPerson } from '../engine/view/drill-view';
import type { SeenEvent } from '../engine/view/visibility';
import { formatClock } from '../scenario/duration';
import { storyTime } from '../scenario/story-clock';
import { formatValue } from '../scenario/quantity';
import type { LedgerItem } from '../scoring/scribe-coverage';
import { taskOwners } from './channel';
import type { PanelRow } from './components/PanelSection';
import { fit } from './fit';
import { seatRoles } from './seat-label';
import { sparkline } from './sparkline';
import { textWidth } from './text-width';
import type { Token } from './theme';

const clean = (s: unknown) => stripControl(String(s ?? ''));

/** How the roster is drawn: its width in columns, and who is typing at this terminal now (marked "▸"). */
export interface RosterOptions {
  readonly width: number;
  readonly speaker?: string;
}

/** The first of `options` that fits in `width` columns, else the last cut to fit (only a name is ever cut so). */
function firstFitting(options: readonly string[], width: number): string {
  return options.find((o) => textWidth(o) <= width) ?? fit(options.at(-1) ?? '', width).trimEnd();
}

/** A seat from its whole words down: "deputy,scribe" → "deputy+1", "responder orders-team" → "orders-team"; never "deputy,scrib". */
function seatOptions(p: ViewPerson): string[] {
  const roles = seatRoles(p);
  const team = p.team === undefined ? undefined : clean(p.team);
  const options = [roles.join(',')];
  if (team !== undefined) {
    options.unshift(`${roles.join(',')} ${team}`);
    // A team says its person is a responder: on a narrow panel it stands in for the word.
    const staff = roles.filter((r) => r !== 'responder');
    options.splice(1, 0, [...staff, team].join(','));
  }
  for (let k = roles.length - 1; k >= 1; k--) options.push(`${roles.slice(0, k).join(',')}+${roles.length - k}`);
  return [...new Set(options), ''];
}

/** A person's state from its whole words down: their open tasks or "idle", and "paged, not joined" until they join. */
function stateOptions(tasks: readonly string[], joined: boolean, everPaged: boolean, pagedNow: boolean): string[] {
  const taskForms = tasks.length === 0 ? [''] : [tasks.join(' '), ...(tasks.length > 1 ? [`${tasks[0]} +${tasks.length - 1}`, `${tasks.length} tasks`] : [])];
  const away = !joined ? (everPaged ? ['paged, not joined', 'paged, not in', 'not joined'] : ['not joined', 'away'])
    : pagedNow ? ['paged'] : [''];
  const options: string[] = [];
  for (const a of away) for (const t of taskForms) options.push([t, a].filter(Boolean).join(' · ') || 'idle');
  // Where even the shortest pair does not fit, what matters most is that they are not here yet.
  if (!joined) options.push(away.at(-1)!);
  return [...new Set(options)];
}

/**
 * Roster rows: each person the IC has to think about (whoever joined, was paged, owns a task, holds command or is
 * human), as "▸ name  seat  state": the seat in whole words (roles as the journal records them, and a responder's
 * team), the state flush right (open task ids or "idle"; "paged, not joined" for someone paged who is not on the
 * call yet, acknowledged or not). The speaker at this terminal is marked "▸" and drawn as "me".
 */
export function rosterRows(snap: DrillView, o: RosterOptions): PanelRow[] {
  // PanelSection draws each row one column in.
  const width = Math.max(12, o.width - 1);
  const openTasks = (name: string) => snap.tasks.filter((t) => t.status === 'open' && t.owners.includes(name)).map((t) => clean(t.id));
  const everPaged = (p: ViewPerson) => p.paged || snap.alerts.some((a) => a.notified.includes(p.name));
  const shown = snap.people.filter((p) => p.joined || everPaged(p) || p.roles.includes('ic') || p.kind === 'human' || openTasks(p.name).length > 0);
  const nameWidth = Math.min(12, Math.floor(width / 3), Math.max(4, ...shown.map((p) => textWidth(clean(p.name)))));
  return shown.map((p) => {
    const mark = p.name === o.speaker ? '▸' : ' ';
    const name = firstFitting([clean(p.name)], nameWidth);
    const lead = `${mark}${name}${' '.repeat(nameWidth - textWidth(name))} `;
    const room = width - textWidth(lead);
    const seats = seatOptions(p);
    const states = stateOptions(openTasks(p.name), p.joined, everPaged(p), p.paged);
    // The pair that gives up least: the sum of how far down each list it had to go, seat first on a tie. No seat at
    // all is the last resort: which seat someone holds is what the IC most needs from this list.
    let best: { seat: string; state: string; cost: number } | undefined;
    seats.forEach((seat, i) => states.forEach((state, j) => {
      const cost = (seat ? i : 100) + j;
      const fits = textWidth(seat) + (seat ? 1 : 0) + textWidth(state) <= room;
      if (fits && (!best || cost < best.cost)) best = { seat, state, cost };
    }));
    const { seat, state } = best ?? { seat: '', state: firstFitting([states.at(-1)!], room) };
    const gap = Math.max(seat ? 1 : 0, room - textWidth(seat) - textWidth(state));
    const token: Token = p.name === o.speaker ? 'me' : !p.joined && everPaged(p) ? 'warn' : p.paged ? 'warn' : p.joined ? 'text' : 'muted';
    return { text: `${lead}${seat}${' '.repeat(gap)}${state}`, token };
  });
}

/** Task board rows with owners ("erin+1" for two) and countdowns (time left, or how long overdue). */
export function taskRows(snap: DrillView, nowMs: number): PanelRow[] {
  return snap.tasks.filter((t) => t.status === 'open').map((t) => {
    const left = t.dueAt === undefined ? 'no box' : t.dueAt >= nowMs ? formatClock(t.dueAt - nowMs) : `-${formatClock(nowMs - t.dueAt)}`;
    const overdue = t.dueAt !== undefined && t.dueAt < nowMs;
    const all = t.owners.length ? t.owners : [t.to];
    const who = all.length > 1 ? `${all[0]!.slice(0, 5)}+${all.length - 1}` : t.to;
    return { text: `${t.id} ${clean(who).padEnd(8).slice(0, 8)} ${left.padStart(6)} ${t.acked ? '✓' : '?'} ${clean(t.text)}`, token: overdue ? 'bad' : t.dueAt === undefined ? 'warn' : 'text' };
  });
}

// The question a poll asks anyway, which a proposal often ends with: the row says it once, as its count.
const ASKS_RE = /[\s,.;:!?—–-]*\(?(?:(?:are|is)\s+there\s+)?any\s+(?:strong\s+)?objections\??\)?\s*$/i;
const PROPOSAL_RE = /^proposal\s*:\s*/i;

/** A poll's proposal without what every poll asks ("Proposal: …", "… any strong objections?"), unless that is all it says. */
export function pollProposal(text: string): string {
  const bare = clean(text).replace(PROPOSAL_RE, '').replace(ASKS_RE, '').trim();
  return bare || clean(text).trim();
}

/** The open poll, if any: its id and the objection count first, so a long proposal never pushes the count off the row. */
export function pollRows(snap: DrillView): PanelRow[] {
  if (!snap.poll) return [];
  const n = snap.poll.objections;
  return [{ text: `${snap.poll.id} ${n} ${n === 1 ? 'objection' : 'objections'}: ${pollProposal(snap.poll.proposal)}`, token: n > 0 ? 'warn' : 'accent' }];
}

/** When something was said, as the channel stamps it: the story's HH:MM with a story clock (v2), else drill mm:ss. */
const stamp = (atMs: number, clockMs: number | undefined): string => (clockMs === undefined ? formatClock(atMs) : storyTime(atMs, clockMs).slice(0, 5));

/** A scribe's recent notes; `clockMs`: the story clock. */
export function notesRows(events: readonly SeenEvent[], scribe: string, n: number, clockMs?: number): PanelRow[] {
  return events.filter(is('scribe.note')).filter((e) => e.actor === scribe).slice(-n)
    .map((e) => ({ text: `${stamp(e.atMs, clockMs)} ${e.data.todo ? 'TODO ' : ''}${clean(e.data.text)}`, token: e.data.todo ? 'warn' : 'text' }));
}

/** How the scribe panel names a key event: as the channel showed it, by its id. */
export function ledgerLabel(k: LedgerItem): string {
  switch (k.kind) {
    case 'assignment': return k.event.type === 'task.assign' ? `${clean(k.ref)} → ${taskOwners(k.event.data)}: ${clean(k.event.data.text)}` : clean(k.text);
    case 'decision': return `${clean(k.ref)} decision: ${clean(k.text)}`;
    case 'status': return `${clean(k.ref)} status: ${clean(k.text)}`;
    case 'severity': return `${clean(k.ref)} declared`;
    case 'mitigation': return clean(k.text);
    case 'followup': return `TODO? ${clean(k.text)}`;
  }
}

/** The scribe panel's rows for un-noted items (the newest six), each with its time left, or LATE. */
export function queueRows(items: readonly LedgerItem[], nowMs: number): PanelRow[] {
  return items
    .slice(-6)
    .map((k) => {
      const left = k.dueAt - nowMs;
      const when = left >= 0 ? formatClock(left) : 'LATE';
      return { text: `${when.padStart(5)} ${ledgerLabel(k)}`, token: left >= 0 ? 'warn' : 'bad' };
    });
}

/** The fewest bars a metric row keeps for its sparkline; the name is cut before the bars or the unit are. */
export const MIN_SPARK = 6;

/**
 * A responder's view of their services: probes, actions and metric rows, for a panel `width` columns wide (rows
 * are drawn after a one-column indent). A metric row is its name, its value with the unit always whole, and a
 * sparkline of its latest samples scaled to their own range (a disk filling by a few percent shows as a climb);
 * names and values are aligned in columns, and a long name is cut with "…".
 */
export function serviceRows(snap: DrillView, team: string | undefined, width: number): { probes: PanelRow[]; actions: PanelRow[]; metrics: PanelRow[] } {
  const s = snap.catalogue;
  const mine = new Set(s.services.filter((x) => team === undefined || x.owner === team).map((x) => x.id));
  const probes = s.probes.filter((p) => mine.has(p.service)).map((p) => ({ text: `${p.id}  ${clean(p.title)}` }));
  const actions = s.actions.filter((a) => mine.has(a.service)).map((a) => ({ text: `${a.id}${a.major ? '*' : ''}  ${clean(a.title)}` }));
  const shown = snap.metrics.filter((m) => mine.has(m.ref.split('.')[0]!))
    .map((m) => ({ name: clean(m.label ?? m.ref.split('.').slice(1).join('.')), value: clean(formatValue(m.value, m.family, m.unit, m.whole)), history: m.history }));
  const inner = Math.max(0, width - 1);
  const valueCols = Math.max(0, ...shown.map((m) => textWidth(m.value)));
  const nameCols = Math.max(1, Math.min(Math.max(0, ...shown.map((m) => textWidth(m.name))), inner - valueCols - 2 - MIN_SPARK));
  const bars = Math.max(MIN_SPARK, inner - nameCols - valueCols - 2);
  const metrics = shown.map((m) => ({
    text: `${fit(m.name, nameCols)} ${' '.repeat(valueCols - textWidth(m.value))}${m.value} ${sparkline(m.history, bars)}`,
    token: 'info' as const,
  }));
  return { probes, actions, metrics };
}

/** The log tail of the last thing this person checked. */
export function lastCheckRows(events: readonly SeenEvent[], who: string): PanelRow[] {
  const last = events.filter(is('probe.result')).findLast((e) => e.actor === who);
  if (!last) return [];
  const logs = last.data.logs;
  return [{ text: `${clean(last.data.probe)}: ${clean(last.data.text)}`, token: 'info' }, ...logs.slice(-4).map((l) => ({ text: clean(l), token: 'muted' as const }))];
}

/** Drafts and whether the IC approved and the liaison posted them. */
export function draftRows(snap: DrillView): PanelRow[] {
  return snap.drafts.slice(-5).map((d) => ({ text: `${d.id} ${d.posted ? 'POSTED' : d.approved ? 'approved' : 'waiting'} ${clean(d.text)}`, token: d.posted ? 'ok' : d.approved ? 'accent' : 'warn' }));
}

/** Customer reports and other injects the liaison should relay; `clockMs`: the story clock. */
export function reportRows(events: readonly SeenEvent[], clockMs?: number): PanelRow[] {
  return events.filter(is('inject')).filter((e) => e.data.kind === 'customer-report' || e.data.kind === 'stakeholder').slice(-4)
    .map((e) => ({ text: `${stamp(e.atMs, clockMs)} ${clean(e.actor)}: ${clean(e.data.text)}`, token: 'inject' }));
}

/** Pages waiting for this person's acknowledgement. */
export function pageRows(snap: DrillView, who: string): PanelRow[] {
  const me = snap.people.find((p) => p.name === who);
  if (!me?.paged) return [];
  const alerts: PanelRow[] = snap.alerts.filter((a) => a.firing && !a.ackedBy && a.notified.includes(who)).map((a) => ({ text: `${clean(a.title)} — /ack`, token: 'alert' }));
  return alerts.length ? alerts : [{ text: 'you are paged to the incident call — /join', token: 'alert' }];
}
