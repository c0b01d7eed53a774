/** The names a command may use in a drill: people, probes, actions and teams. Parsing and completion both read it. */
import type { Scenario } from '../scenario/types';
import type { CommandVocabulary } from './command';
import type { DrillState } from './state/drill-state';

/** The vocabulary of a drill: its people in cast order, and the scenario's probe, action and team ids. */
export function commandVocabulary(scenario: Scenario, state: DrillState): CommandVocabulary {
  return {
    people: state.people.map((p) => p.info.name),
    probes: scenario.probes.map((p) => p.id),
    actions: scenario.actions.map((a) => a.id),
    teams: scenario.teams.map((t) => t.id),
    ...(state.questions?.length ? { questions: state.questions.map((q) => q.id) } : {}),
  };
}
