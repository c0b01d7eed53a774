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
    return <Text color={theme.fg('warn')}>{`The terminal is ${cols}×${rows}; firedrill needs at least 80×24. Make it larger (the drill keeps running).`}</Text>;
  }
  if (phase === 'lobby') return <HostLobby model={model} theme={theme} cols={cols} rows={rows} />;
  if (phase === 'ended') return <HostSummary model={model} {...(store ? { store } : {})} theme={theme} cols={cols} rows={rows} />;
  if (!store) return <Text color={theme.fg('muted')}>The drill is starting…</Text>;
  return <FacilitatorView model={model} store={store} theme={theme} cols={cols} rows={rows} />;
}
