/** The right-hand panel for whoever is speaking: what their role needs to see. */
import { Box } from 'ink';
import { stripControl } from '../../engine/sanitize';
import type { LedgerItem } from '../../scoring/scribe-coverage';
import type { DrillStore } from '../drill-store';
import { useDrillSeconds, useView } from '../hooks/use-drill';
import {
  draftRows, lastCheckRows, notesRows, pageRows, pollRows, queueRows, reportRows, rosterRows, serviceRows, taskRows,
} from '../panel-rows';
import { fitSections, type SectionSpec } from '../panel-fit';
import { nextNoteFill } from '../scribe-queue';
import type { Theme } from '../theme';
import { PanelSection, type PanelRow } from './PanelSection';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** What ^O would start a note for, as the scribe panel's title names it. */
function noteKeyTarget(items: readonly LedgerItem[]): string {
  const next = nextNoteFill(items, '')?.item;
  if (!next) return '';
  return ` (^O ${next.kind === 'followup' ? 'TODO' : next.kind === 'mitigation' ? 'mitigation' : stripControl(next.ref)})`;
}

/**
 * The panel for the speaker's role: its sections top to bottom, fitted to the rows by rank (1 keeps its rows
 * longest). What a role acts on next ranks first; reference lists it can also reach with Tab rank last.
 */
export function RolePanel({ store, theme, cols, rows }: Props) {
  const snap = useView(store);
  const seconds = useDrillSeconds(store);
  const who = store.speaker;
  const role = store.displayRole(who);
  const team = snap.people.find((p) => p.name === who)?.team;
  const myTasks: PanelRow[] = snap.tasks.filter((t) => t.owners.includes(who) && t.status === 'open')
    .map((t) => ({ text: `${t.id} ${stripControl(t.text)}`, token: t.acked ? 'text' : 'warn' }));
  let sections: SectionSpec[];
  if (role === 'ic' || role === 'deputy') {
    sections = [
      { title: 'ROSTER', rows: rosterRows(snap, { width: cols, speaker: who }), rank: 3 },
      { title: 'TASKS', rows: taskRows(snap, seconds * 1000), empty: 'none open', rank: 2 },
      { title: 'POLL', rows: pollRows(snap), empty: 'none open', rank: 1 },
    ];
  } else if (role === 'scribe') {
    const queue = snap.unnoted ?? [];
    sections = [
      { title: `NOT YET NOTED${noteKeyTarget(queue)}`, rows: queueRows(queue, seconds * 1000), empty: 'all caught up', rank: 1 },
      // Every note, so "+N more" counts them all; the fitting keeps the newest.
      { title: 'YOUR NOTES', rows: notesRows(store.events, who, Number.POSITIVE_INFINITY, snap.scenario.clockMs), empty: '/note TEXT, /todo TEXT', keep: 'last', rank: 3 },
      { title: 'TASKS', rows: taskRows(snap, seconds * 1000), empty: 'none open', rank: 2 },
    ];
  } else if (role === 'customer-liaison' || role === 'internal-liaison') {
    sections = [
      { title: 'DRAFTS', rows: draftRows(snap), empty: '/draft TEXT', keep: 'last', rank: 1 },
      { title: 'CUSTOMER REPORTS', rows: reportRows(store.events, snap.scenario.clockMs), empty: 'none yet', keep: 'last', rank: 3 },
      { title: 'YOUR TASKS', rows: myTasks, empty: 'none', rank: 2 },
    ];
  } else {
    const svc = serviceRows(snap, team, cols);
    sections = [
      { title: 'PAGES', rows: pageRows(snap, who), empty: 'none', rank: 1 },
      { title: 'YOUR TASKS', rows: myTasks, empty: 'none', rank: 2 },
      { title: 'PROBES (/check)', rows: svc.probes, rank: 6 },
      { title: 'ACTIONS (/run, * major)', rows: svc.actions, rank: 5 },
      { title: 'METRICS', rows: svc.metrics, rank: 3 },
      { title: 'LAST CHECK', rows: lastCheckRows(store.events, who), empty: 'nothing checked yet', rank: 4 },
    ];
  }
  return (
    <Box flexDirection="column" width={cols} height={rows} overflow="hidden" flexShrink={0}>
      {fitSections(sections, rows).map((f) => (
        <PanelSection key={f.title} title={f.title} rows={f.rows} theme={theme} width={cols} />
      ))}
    </Box>
  );
}
