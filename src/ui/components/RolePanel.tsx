/** The right-hand panel for whoever is speaking: what their role needs to see. */
import { Box } from 'ink';
import { stripControl } from '../../engine/sanitize';
import type { LedgerItem } from '../../scoring/scribe-coverage';
import type { DrillStore } from '../drill-store';
import { useDrillSeconds, useView } from '../hooks/use-drill';
import {
  draftRows, lastCheckRows, notesRows, pageRows, pollRows, queueRows, reportRows, rosterRows, serviceRows, taskRows,
} from '../panel-rows';
import { nextNoteFill } from '../scribe-queue';
import type { Theme } from '../theme';
import { PanelSection, type PanelRow } from './PanelSection';

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** The sections for a role, as [title, rows, text when empty]. */
type Section = readonly [string, readonly PanelRow[], string?];

/** What ^O would start a note for, as the scribe panel's title names it. */
function noteKeyTarget(items: readonly LedgerItem[]): string {
  const next = nextNoteFill(items, '')?.item;
  if (!next) return '';
  return ` (^O ${next.kind === 'followup' ? 'TODO' : next.kind === 'mitigation' ? 'mitigation' : stripControl(next.ref)})`;
}

/** The panel for the speaker's role, filled top to bottom within its rows. */
export function RolePanel({ store, theme, cols, rows }: Props) {
  const snap = useView(store);
  const seconds = useDrillSeconds(store);
  const who = store.speaker;
  const role = store.displayRole(who);
  const team = snap.people.find((p) => p.name === who)?.team;
  const myTasks: PanelRow[] = snap.tasks.filter((t) => t.owners.includes(who) && t.status === 'open')
    .map((t) => ({ text: `${t.id} ${stripControl(t.text)}`, token: t.acked ? 'text' : 'warn' }));
  let sections: Section[];
  if (role === 'ic' || role === 'deputy') {
    sections = [['ROSTER', rosterRows(snap, { width: cols, speaker: who })], ['TASKS', taskRows(snap, seconds * 1000), 'none open'], ['POLL', pollRows(snap), 'none open']];
  } else if (role === 'scribe') {
    const queue = snap.unnoted ?? [];
    sections = [
      [`NOT YET NOTED${noteKeyTarget(queue)}`, queueRows(queue, seconds * 1000), 'all caught up'],
      ['YOUR NOTES', notesRows(store.events, who, 8), '/note TEXT, /todo TEXT'],
      ['TASKS', taskRows(snap, seconds * 1000), 'none open'],
    ];
  } else if (role === 'customer-liaison' || role === 'internal-liaison') {
    sections = [['DRAFTS', draftRows(snap), '/draft TEXT'], ['CUSTOMER REPORTS', reportRows(store.events), 'none yet'], ['YOUR TASKS', myTasks, 'none']];
  } else {
    const svc = serviceRows(snap, team, cols);
    sections = [['PAGES', pageRows(snap, who), 'none'], ['YOUR TASKS', myTasks, 'none'], ['PROBES (/check)', svc.probes], ['ACTIONS (/run, * major)', svc.actions], ['METRICS', svc.metrics], ['LAST CHECK', lastCheckRows(store.events, who), 'nothing checked yet']];
  }
  // Fill the panel top to bottom; a long list keeps its newest rows.
  let budget = rows;
  const fitted: { title: string; list: readonly PanelRow[]; empty?: string }[] = [];
  for (const [title, list, empty] of sections) {
    if (budget < 2) break;
    const shown = list.slice(Math.max(0, list.length - (budget - 1)));
    budget -= 1 + (shown.length || (empty ? 1 : 0));
    fitted.push({ title, list: shown, ...(empty ? { empty } : {}) });
  }
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      {fitted.map((f) => (
        <PanelSection key={f.title} title={f.title} rows={f.list} theme={theme} width={cols} {...(f.empty ? { empty: f.empty } : {})} />
      ))}
    </Box>
  );
}
