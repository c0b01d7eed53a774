/** Everything `firedrill host` needs from the UI, as one import: the facilitator console and a participant's screen. */
import type { ParticipantModel } from './host-models';
import { mountScreen, type MountedScreen, type ScreenStreams } from './mount-screen';
import { ParticipantScreen } from './components/ParticipantScreen';
import type { Theme } from './theme';

export { runHostConsole } from './host-app';
export { createTheme } from './theme';

/** Puts one participant's screen (lobby, drill, scorecard) on their terminal. */
export function mountParticipant(streams: ScreenStreams, model: ParticipantModel, theme: Theme): MountedScreen {
  return mountScreen(<ParticipantScreen model={model} theme={theme} />, streams);
}
