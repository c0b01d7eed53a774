/** The facilitator console on the host's terminal: the lobby, then the drill with its hidden truth, then a summary. */
import { Text } from 'ink';
import type { HostConsoleModel } from '../host-models';
import { useModelVersion } from '../hooks/use-model';
import { useTerminalSize } from '../hooks/use-terminal-size';
import { MIN_COLS, MIN_ROWS } from '../layout';
import type { Theme } from '../theme';
import { FacilitatorView } from './FacilitatorView';
import { HostLobby } from './HostLobby';
import { HostSummary } from './HostSummary';
import { TooSmall } from './TooSmall';

interface Props {
  readonly model: HostConsoleModel;
  readonly theme: Theme;
}

/** The console for the model's phase. */
export function HostConsole({ model, theme }: Props) {
  useModelVersion(model);
  const { cols, rows } = useTerminalSize();
  const phase = model.phase();
  const store = phase === 'lobby' ? undefined : model.store();
  if (cols < MIN_COLS || rows < MIN_ROWS) {
    // The console's own screens (and their keys) wait for the room; quitting does not.
    if (phase === 'ended') return <TooSmall cols={cols} rows={rows} theme={theme} note="The drill has ended. q quits the host." leave={() => model.quit()} />;
    const quit = phase === 'lobby'
      ? { question: 'Quit the host? Everyone connected is disconnected; no drill is run (y/n)', onYes: () => model.quit() }
      : { question: 'End the drill for everyone and quit the host? (y/n) — the journal and scorecards are kept', onYes: () => model.quit() };
    return <TooSmall cols={cols} rows={rows} theme={theme} note={phase === 'lobby' ? 'Ctrl+C asks to quit the host.' : 'The drill keeps running. Ctrl+C asks to end it.'} quit={quit} />;
  }
  if (phase === 'lobby') return <HostLobby model={model} theme={theme} cols={cols} rows={rows} />;
  if (phase === 'ended') return <HostSummary model={model} {...(store ? { store } : {})} theme={theme} cols={cols} rows={rows} />;
  if (!store) return <Text color={theme.fg('muted')}>The drill is starting…</Text>;
  return <FacilitatorView model={model} store={store} theme={theme} cols={cols} rows={rows} />;
}
