/** The JSON Schema of the scenario format, generated from the zod schema so the two never drift. */
import * as z from 'zod';
import { scenarioSchema } from './schema';

/** The JSON Schema document as pretty-printed text (what `firedrill schema` prints). */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  const doc = {
    $id: 'https://firedrill.dev/schema/scenario.schema.json',
    title: 'firedrill scenario (firedrill/v1 and firedrill/v2)',
    description: 'A scripted failure scenario for a firedrill incident-response drill. See scenarios/README.md.',
    ...schema,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
