/** One participant's terminal in a team drill: the lobby, then the drill from their seat, then their scorecard. */
import { Text } from 'ink';
import { useEffect } from 'react';
import { REMOTE_TICK_MS, type DrillStore } from '../drill-store';
import type { ParticipantModel } from '../host-models';
import { useModelVersion } from '../hooks/use-model';
import type { Theme } from '../theme';
import { App } from './App';
import { LobbyScreen } from './LobbyScreen';

interface Props {
  readonly model: ParticipantModel;
  readonly theme: Theme;
}

/** The screen for the model's phase; the drill is the same App as `run`, with a participant's keys. */
export function ParticipantScreen({ model, theme }: Props) {
  useModelVersion(model);
  const phase = model.phase();
  const store = phase === 'lobby' ? undefined : model.store();
  if (phase === 'lobby') return <LobbyScreen model={model} theme={theme} />;
  if (!store) return <Text color={theme.fg('muted')}>The drill is starting…</Text>;
  return <ParticipantDrill model={model} store={store} theme={theme} />;
}

/** The drill from this person's seat: leaving keeps their seat and never ends the drill for the others. */
function ParticipantDrill({ model, store, theme }: Props & { readonly store: DrillStore }) {
  // The clock in the header moves between events: one ticker per screen redraws it, at most once a second of real
  // time (one host draws every participant's screen; at 4x a clock that moves by four seconds is still read right).
  useEffect(() => store.startTicker(100, REMOTE_TICK_MS), [store]);
  const leave = (): void => model.leave();
  return <App store={store} theme={theme} controls="participant" onAbort={leave} onLeave={leave} onExit={leave} />;
}
