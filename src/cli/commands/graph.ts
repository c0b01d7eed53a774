/** `firedrill graph <scenario> [--format mermaid|dot]`: prints the phase graph. */
import { Option, type Command } from 'commander';
import { toDot, toMermaid, type GraphFormat } from '../../scenario/graph';
import { out } from '../output';
import { requireScenario } from '../require-scenario';

/** Registers the graph command. */
export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('print the scenario\'s phase graph as Mermaid (default) or Graphviz DOT')
    .argument('<scenario>', 'scenario YAML file')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .action((file: string, opts: { format: GraphFormat }) => {
      const scenario = requireScenario(file);
      out(opts.format === 'dot' ? toDot(scenario) : toMermaid(scenario));
    });
}
