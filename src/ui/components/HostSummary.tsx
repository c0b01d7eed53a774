/**
 * The facilitator console after the end: how it ended, where the run folder is, who is still connected; q quits.
 *   The drill has ended: resolved.
 *   The run folder: runs/2024-05-01-demo
 */
import { Box, Text, useInput } from 'ink';
import { stripControl } from '../../engine/sanitize';
import type { HostConsoleModel } from '../host-models';
import { useStoreVersion } from '../hooks/use-drill';
import type { DrillStore } from '../drill-store';
import type { Theme } from '../theme';

interface Props {
  readonly model: HostConsoleModel;
  readonly store?: DrillStore;
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
}

/** Who is still on their scorecard screen: the humans whose connection is up. */
function stillConnected(model: HostConsoleModel): string[] {
  const people = model.people();
  const humans = people.length ? people.filter((p) => p.kind === 'human' && p.connected) : model.lobby().people.filter((p) => p.connected);
  return humans.map((p) => stripControl(p.name));
}

/** The summary after the drill; q, Enter or Ctrl+C quits the console (and the host). */
export function HostSummary(props: Props) {
  return props.store ? <LiveSummary {...props} store={props.store} /> : <Summary {...props} />;
}

/** The summary re-rendered as the store learns the end (the run folder comes once it is written). */
function LiveSummary(props: Props & { readonly store: DrillStore }) {
  useStoreVersion(props.store);
  return <Summary {...props} />;
}

function Summary({ model, store, theme, cols, rows }: Props) {
  useInput((input, key) => {
    if (input === 'q' || key.return || (key.ctrl && input === 'c')) model.quit();
  });
  const outcome = store?.view().outcome;
  const connected = stillConnected(model);
  return (
    <Box flexDirection="column" width={cols} height={rows - 1}>
      <Text bold color={theme.fg('heading')} wrap="truncate">{`firedrill host — ${stripControl(model.lobby().scenario.title)}`}</Text>
      <Text> </Text>
      <Text color={theme.fg(outcome === 'resolved' ? 'ok' : 'warn')} wrap="truncate">{`The drill has ended: ${outcome ? stripControl(outcome) : 'ended'}.`}</Text>
      <Text wrap="truncate">{store?.runDir ? `The run folder: ${stripControl(store.runDir)}` : 'The run folder is being written…'}</Text>
      <Text wrap="wrap">{connected.length ? `Still connected (on their scorecards): ${connected.join(', ')}` : 'Nobody is connected any more.'}</Text>
      <Text> </Text>
      <Text color={theme.fg('muted')} wrap="truncate">{connected.length ? 'q quits: the host stops and disconnects everyone still here.' : 'q quits: the host stops.'}</Text>
    </Box>
  );
}
