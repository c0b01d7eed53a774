/** The rows of each role panel, computed from the drill state as plain data (tested without rendering). */
import { is } from '../engine/events';
import { stripControl } from '../engine/sanitize';
import type { DrillView } from '../engine/view/drill-view';
import type { SeenEvent } from '../engine/view/visibility';
import { formatClock } from '../scenario/duration';
import { formatQuantity } from '../scenario/quantity';
import type { LedgerItem } from '../scoring/scribe-coverage';
import { taskOwners } from './channel';
import type { PanelRow } from './components/PanelSection';
import { fit } from './fit';
import { sparkline } from './sparkline';
import { textWidth } from './text-width';

const clean = (s: unknown) => stripControl(String(s ?? ''));

/** Roster rows: who is here, in what role, joined or still paged. */
export function rosterRows(snap: DrillView): PanelRow[] {
  return snap.people
    .filter((p) => p.joined || p.paged || p.roles.includes('ic') || p.kind === 'human')
    .map((p) => ({
      text: `${p.name.padEnd(10).slice(0, 10)} ${(p.roles.join(',') || p.seat).padEnd(12).slice(0, 12)} ${p.paged ? 'PAGED' : p.joined ? 'joined' : 'away'}`,
      token: p.paged ? 'warn' : p.joined ? 'text' : 'muted',
    }));
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

/** The open poll, if any. */
export function pollRows(snap: DrillView): PanelRow[] {
  return snap.poll ? [{ text: `${snap.poll.id} ${clean(snap.poll.proposal)} (${snap.poll.objections} objections)`, token: 'accent' }] : [];
}

/** A scribe's recent notes. */
export function notesRows(events: readonly SeenEvent[], scribe: string, n: number): PanelRow[] {
  return events.filter(is('scribe.note')).filter((e) => e.actor === scribe).slice(-n)
    .map((e) => ({ text: `${formatClock(e.atMs)} ${e.data.todo ? 'TODO ' : ''}${clean(e.data.text)}`, token: e.data.todo ? 'warn' : 'text' }));
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
    .map((m) => ({ name: clean(m.ref.split('.').slice(1).join('.')), value: clean(formatQuantity(m.value, m.family)), history: m.history }));
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

/** Customer reports and other injects the liaison should relay. */
export function reportRows(events: readonly SeenEvent[]): PanelRow[] {
  return events.filter(is('inject')).filter((e) => e.data.kind === 'customer-report' || e.data.kind === 'stakeholder').slice(-4)
    .map((e) => ({ text: `${formatClock(e.atMs)} ${clean(e.actor)}: ${clean(e.data.text)}`, token: 'inject' }));
}

/** Pages waiting for this person's acknowledgement. */
export function pageRows(snap: DrillView, who: string): PanelRow[] {
  const me = snap.people.find((p) => p.name === who);
  if (!me?.paged) return [];
  const alerts: PanelRow[] = snap.alerts.filter((a) => a.firing && !a.ackedBy && a.notified.includes(who)).map((a) => ({ text: `${clean(a.title)} — /ack`, token: 'alert' }));
  return alerts.length ? alerts : [{ text: 'you are paged to the incident call — /join', token: 'alert' }];
}
