// The corpus of human phrasings (test/fixtures/human-phrasings.yaml): each line, typed the way people type
// it, must be recorded as the command it means and linked to the actions and probes it is about.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readChat, type ChatContext } from '../../src/engine/chat-reading';
import type { Command } from '../../src/engine/command';
import { answersSwoop, promisedFixTime } from '../../src/engine/intent/phrases';
import { linkIntent } from '../../src/engine/intent/link';
import { isCommandError, parseCommand } from '../../src/engine/parse-command';
import { loadScenario } from '../../src/io/scenario-file';
import type { Scenario } from '../../src/scenario/types';
import { ROOT } from '../helpers/cli';

interface Entry {
  readonly scenario: string;
  readonly as: string;
  readonly line: string;
  readonly ctx?: Partial<ChatContext>;
  readonly expect: Record<string, unknown> & { command: string };
}

const ENTRIES = parseYaml(readFileSync(join(ROOT, 'test', 'fixtures', 'human-phrasings.yaml'), 'utf8')) as Entry[];
const PEOPLE = ['alice', 'bob', 'carol', 'dan', 'dave', 'erin', 'sam', 'pat', 'kim', 'lee', 'ana', 'kai', 'io'];
const scenarios = new Map<string, Scenario>();
const scenarioOf = (id: string): Scenario => {
  let s = scenarios.get(id);
  if (!s) scenarios.set(id, (s = loadScenario(join(ROOT, 'scenarios', `${id}.yaml`)).scenario!));
  return s;
};

/** The moment a line is typed in: an IC in command, or someone on the call with an open task. */
function contextFor(e: Entry, s: Scenario): ChatContext {
  const ic = e.as === 'ic';
  return {
    actor: 'dave', role: e.as as ChatContext['role'], people: PEOPLE, pollActions: [], scenario: s, isIc: ic, hasIc: true, icAnnounced: true, joined: true, hasUnackedTask: !ic, hasOpenTask: !ic,
    draftWaiting: ic, pollUndecided: ic, ...e.ctx,
  };
}

/** What firedrill makes of a line: the command it is recorded as, and the commands it also means. */
function understand(e: Entry): { command: Command; also: readonly Command[] } {
  const s = scenarioOf(e.scenario);
  const parsed = parseCommand(e.line, { people: PEOPLE, probes: s.probes.map((p) => p.id), actions: s.actions.map((a) => a.id), teams: s.teams.map((t) => t.id) });
  if (isCommandError(parsed)) throw new Error(`${e.line}: ${parsed.error}`);
  if (parsed.kind !== 'say') return { command: parsed, also: [] };
  const r = readChat(parsed.text, contextFor(e, s));
  return { command: r.instead ?? parsed, also: r.also };
}

/** The text a command links by. */
function textOf(c: Command): string {
  if (c.kind === 'assign') return c.task;
  if (c.kind === 'poll') return c.proposal;
  return 'text' in c ? c.text : '';
}

describe('the corpus of human phrasings', () => {
  it('has at least 60 lines, covering every kind of line the issue lists', () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(ENTRIES.map((e) => e.expect.command));
    for (const k of ['assign', 'sev', 'poll', 'decide', 'status', 'draft', 'ic', 'handover', 'say']) expect(kinds, k).toContain(k);
    expect(ENTRIES.some((e) => 'timeboxMs' in e.expect)).toBe(true);
    expect(ENTRIES.some((e) => 'answersSwoop' in e.expect)).toBe(true);
  });

  for (const e of ENTRIES) {
    it(`${e.scenario}, ${e.as}: ${e.line}`, () => {
      const { command, also } = understand(e);
      const want = e.expect;
      expect(command.kind).toBe(want.command);
      if (want.also) expect(also.map((c) => c.kind)).toEqual(want.also);
      const fields = { ...command, ...Object.assign({}, ...also) } as Record<string, unknown>;
      for (const key of ['owners', 'group', 'timeboxMs', 'unreadTimebox', 'level', 'note', 'due', 'taskId', 'ms'] as const) {
        if (key in want) expect(fields[key] ?? null, key).toEqual(want[key]);
      }
      const links = linkIntent(textOf(command), scenarioOf(e.scenario));
      if ('actions' in want) expect(links.actions, 'actions').toEqual(want.actions);
      if ('probes' in want) expect(links.probes, 'probes').toEqual(want.probes);
      if ('promise' in want) expect(promisedFixTime(textOf(command)) ?? null).toBe(want.promise);
      if ('answersSwoop' in want) expect(answersSwoop(e.line)).toBe(want.answersSwoop);
    });
  }
});
