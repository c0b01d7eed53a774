/** Drill scripts (`simulate --script`): who plays, which bots fill the rest, and timed inputs. io/drill-script-file.ts reads the file. */
import * as z from 'zod';
import type { CastRequest, BotPolicyName } from '../engine/cast';
import { COMMAND_NAMES } from '../engine/command';
import { isPersonName, PERSON_NAME_RULE } from '../engine/person-name';
import { normalizeRole } from '../engine/roles';
import { didYouMean } from './did-you-mean';
import { parseDuration, formatDuration } from './duration';
import type { Problem } from './problem';
import { sortProblems } from './problem';
import { schemaProblems } from './schema-issues';
import { knownScenarioKeys } from './schema-keys';
import type { Scenario } from './types';
import { locate, problemAt, type LoadResult } from './yaml-source';

const participantSchema = z.strictObject({
  name: z.string().refine(isPersonName, { error: PERSON_NAME_RULE }),
  role: z.string({ error: 'expected a role: ic, deputy, scribe, responder, customer-liaison, internal-liaison' }),
  service: z.string().optional(),
});
const actionSchema = z.strictObject({
  at: z.union([z.string(), z.number()], { error: 'expected a drill time such as "2:40" or 160s' }),
  by: z.string({ error: 'expected a participant name' }),
  do: z.string({ error: 'expected a command such as "/ack"' }).min(1),
});
/** The drill script file. */
export const scriptSchema = z.strictObject({
  participants: z.array(participantSchema).default([]),
  bots: z.enum(['by-the-book', 'sloppy', 'none'], { error: 'expected by-the-book, sloppy or none' }).default('by-the-book'),
  actions: z.array(actionSchema).default([]),
});

export interface DrillScript {
  readonly participants: readonly CastRequest[];
  readonly bots: BotPolicyName | 'none';
  readonly actions: readonly { atMs: number; actor: string; text: string }[];
}

/** Checks a parsed drill script (or the problems that stopped it) against the scenario; every problem is positioned. */
export function checkDrillScript(loaded: LoadResult, scenario: Scenario): { script?: DrillScript; problems: Problem[] } {
  if (!loaded.ok) return { problems: loaded.problems };
  const source = loaded.source;
  const file = source.file;
  const parsed = scriptSchema.safeParse(source.value);
  if (!parsed.success) return { problems: schemaProblems(source, parsed.error.issues, (p) => knownScenarioKeys(p, scriptSchema)) };
  const problems: Problem[] = [];
  const report = (path: (string | number)[], code: string, message: string, hint?: string) => {
    const pos = locate(source, path);
    problems.push(problemAt(file, pos.line, pos.col, 'reference', code, message, path, hint));
  };
  const participants: CastRequest[] = [];
  const names = new Set<string>();
  parsed.data.participants.forEach((p, i) => {
    const role = normalizeRole(p.role);
    if (!role || role === 'facilitator') report(['participants', i, 'role'], 'script/unknown-role', `unknown role "${p.role}"`, 'roles: ic, deputy, scribe, responder, customer-liaison, internal-liaison');
    if (names.has(p.name.toLowerCase())) report(['participants', i, 'name'], 'script/duplicate-name', `"${p.name}" is listed twice`);
    names.add(p.name.toLowerCase());
    const services = [...scenario.services.map((s) => s.id), ...scenario.teams.map((t) => t.id)];
    if (p.service !== undefined && !services.includes(p.service)) report(['participants', i, 'service'], 'script/unknown-service', `unknown service or team "${p.service}"`, didYouMean(p.service, services));
    if (role && role !== 'facilitator') participants.push({ name: p.name, role, ...(p.service ? { service: p.service } : {}) });
  });
  const actions = parsed.data.actions.map((a, i) => {
    const atMs = typeof a.at === 'number' ? a.at * 1000 : a.at.trim().startsWith('-') ? -1 : parseDuration(a.at);
    if (atMs === undefined) report(['actions', i, 'at'], 'script/bad-time', `"${a.at}" is not a drill time; write mm:ss such as "2:40", or 160s`);
    else if (atMs < 0) report(['actions', i, 'at'], 'script/time-out-of-range', `"${a.at}" is before the drill starts (T+0)`);
    else if (atMs > scenario.durationMs) report(['actions', i, 'at'], 'script/time-out-of-range', `"${a.at}" is after the drill's end at ${formatDuration(scenario.durationMs)}`);
    const by = [...names].find((n) => n === a.by.toLowerCase());
    if (!by) report(['actions', i, 'by'], 'script/unknown-participant', `"${a.by}" is not a participant of this script`, didYouMean(a.by, parsed.data.participants.map((p) => p.name)) ?? 'list them under participants:');
    const cmd = /^\/(\S+)/.exec(a.do.trim());
    if (cmd && !(COMMAND_NAMES as string[]).includes(cmd[1]!.toLowerCase())) {
      const near = didYouMean(cmd[1]!, COMMAND_NAMES);
      report(['actions', i, 'do'], 'script/unknown-command', `unknown command "/${cmd[1]}"`, near?.replace('"', '"/'));
    }
    const canonical = parsed.data.participants.find((p) => p.name.toLowerCase() === a.by.toLowerCase())?.name ?? a.by;
    return { atMs: atMs ?? 0, actor: canonical, text: a.do };
  });
  if (problems.length) return { problems: sortProblems(problems) };
  return { script: { participants, bots: parsed.data.bots, actions }, problems: [] };
}

