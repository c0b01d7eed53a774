/** The one-line help shown under the command line for the command being typed. */
import { COMMAND_NAMES, COMMAND_USAGE } from '../engine/command';

/** Usage of the command at the start of the line, or a hint for chat and unknown commands. */
export function inlineHelp(text: string): string {
  const m = /^\/(\S*)/.exec(text.trimStart());
  if (!m) return text ? 'chat: Enter sends it to the incident channel' : 'type a /command or chat; Tab completes, ? shows help';
  const name = m[1]!.toLowerCase();
  const exact = COMMAND_NAMES.find((c) => c === name);
  if (exact) return COMMAND_USAGE[exact];
  const starts = COMMAND_NAMES.filter((c) => c.startsWith(name));
  if (starts.length === 1) return COMMAND_USAGE[starts[0]!];
  if (starts.length) return starts.map((c) => `/${c}`).join('  ');
  return `unknown command /${name}; press Tab to complete`;
}
