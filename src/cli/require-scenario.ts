/** Loads a scenario for a command that needs a valid one, or fails with its problems listed. */
import { loadScenario } from '../io/scenario-file';
import { formatProblem } from '../scenario/problem';
import type { Scenario } from '../scenario/types';
import { UserError } from './user-error';
import { err } from './output';

/** Returns the scenario; prints warnings to stderr; throws a UserError listing errors. */
export function requireScenario(file: string): Scenario {
  const { scenario, problems } = loadScenario(file);
  if (!scenario) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new UserError(`${file} is not a valid scenario (${errors.length} error${errors.length === 1 ? '' : 's'}); run firedrill validate ${file}`, errors.map(formatProblem));
  }
  for (const p of problems) err(formatProblem(p));
  return scenario;
}
