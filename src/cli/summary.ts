/** The one-screen summary printed after a headless drill. */
import { formatClock } from '../scenario/duration';
import { is, type EventOf, type EventType } from '../engine/events';
import type { JournalEvent } from '../engine/journal';
import type { DrillSession } from '../engine/session';
import { injectCounts } from '../scoring/injects';

/** Key moments of a drill, in drill milliseconds (undefined when they never happened). */
export function keyTimes(events: readonly JournalEvent[]): Record<string, number | undefined> {
  const first = <T extends EventType>(type: T, pred: (e: EventOf<T>) => boolean = () => true) => events.filter(is(type)).find(pred)?.atMs;
  return {
    firstAlert: first('alert.fired'),
    acknowledged: first('alert.ack'),
    triggered: first('ic.page'),
    command: first('role.claim'),
    severity: first('sev.set'),
    mitigated: first('phase.enter', (e) => e.data.mitigated === true),
    resolved: first('incident.resolve', (e) => e.data.mitigated === true),
    ended: first('drill.end'),
  };
}

/** Plain-text summary lines for the terminal. */
export function summaryLines(session: DrillSession, runDir: string, events: readonly JournalEvent[]): string[] {
  const s = session.scenario;
  const times = keyTimes(events);
  const t = (ms: number | undefined) => (ms === undefined ? '—' : `T+${formatClock(ms)}`);
  const cast = session.options.cast.map((p) => `${p.name} (${p.seat}${p.team ? ` ${p.team}` : ''}${p.kind === 'bot' ? ', bot' : ''})`);
  const inputs = events.filter((e) => e.type === 'input').length;
  const errors = events.filter((e) => e.type === 'cmd.error').length;
  const injects = injectCounts(s, events);
  return [
    `firedrill: ${s.title} (${s.id})`,
    `  outcome     ${session.outcome ?? 'unfinished'} at ${t(times.ended)} of ${formatClock(s.durationMs)}`,
    `  seed        ${session.options.seed}`,
    `  people      ${cast.join(', ')}`,
    `  alert       ${t(times.firstAlert)}   ack ${t(times.acknowledged)}   trigger ${t(times.triggered)}   command ${t(times.command)}`,
    `  severity    ${t(times.severity)}   mitigated ${t(times.mitigated)}   resolved ${t(times.resolved)}`,
    `  injects     ${injects.happened} happened, ${injects.skipped} skipped (came due when the world was elsewhere${s.version === 2 ? ' or a condition did not hold' : ''})`,
    `  journal     ${events.length} events, ${inputs} commands, ${errors} rejected`,
    `  run folder  ${runDir}`,
  ];
}
