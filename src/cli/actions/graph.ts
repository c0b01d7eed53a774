/** `firedrill graph <scenario> [--format mermaid|dot]`: prints the phase graph. */
import { toDot, toMermaid, type GraphFormat } from '../../scenario/graph';
import { out } from '../output';
import { requireScenario } from '../require-scenario';

/** Prints the phase graph of a scenario file. */
export function runGraph(file: string, opts: { format: GraphFormat }): number {
  const scenario = requireScenario(file);
  out(opts.format === 'dot' ? toDot(scenario) : toMermaid(scenario));
  return 0;
}
