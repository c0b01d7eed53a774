/** `firedrill schema`: prints the scenario JSON Schema. */
import { scenarioJsonSchema } from '../../scenario/json-schema';
import { out } from '../output';

/** Prints the scenario JSON Schema. */
export function runSchema(): number {
  out(scenarioJsonSchema());
  return 0;
}
