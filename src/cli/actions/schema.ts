/** `firedrill schema`: prints the scenario JSON Schema. */
import { scenarioJsonSchema } from '../../scenario/json-schema';

/** Prints the scenario JSON Schema. */
export function runSchema(): number {
  process.stdout.write(scenarioJsonSchema());
  return 0;
}
