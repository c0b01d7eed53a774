/** `firedrill schema`: prints the scenario JSON Schema. */
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/json-schema';

/** Registers the schema command. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editors and other tools)')
    .action(() => {
      process.stdout.write(scenarioJsonSchema());
    });
}
