// Property tests over untrusted input (issue 11, item 6): journals for `replay`, scorecards for `review` and
// `history`, drill scripts for `simulate --script`. Each case is a mutation of a real run's files (wrong types,
// huge strings, control characters and escape sequences, removed, duplicated and renumbered lines, truncated
// lines, random bytes, byte-order marks) or a generated script, and each must end with exit 0 or 1, within the
// timeout, without a stack trace and without printing anything a terminal would act on.
// FIREDRILL_FUZZ_RUNS=500 npx vitest run test/cli/fuzz.test.ts runs more cases by hand (FIREDRILL_FUZZ_SEED picks another seed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from '../helpers/cli';
import { foreignControls, PAYLOAD } from '../helpers/terminal-scan';
import { sharedTempDirs } from '../helpers/tmp';

const NUM_RUNS = Number(process.env.FIREDRILL_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FIREDRILL_FUZZ_SEED ?? 11);
const OPTS = { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true } as const;
const TEST_TIMEOUT = Math.max(120_000, NUM_RUNS * 8_000);
const INTRO = join(ROOT, 'scenarios', 'bad-deploy-rollback.yaml');
const fileTmp = sharedTempDirs('fuzz');

let journalLines: string[];
let scorecard: unknown;
let work: string;
let caseNo = 0;
// FIREDRILL_FUZZ_STATS=1 prints how many cases of each command ended with each exit code, to see that the cases reach past the first check.
const tallies = new Map<string, number>();
afterAll(() => {
  if (process.env.FIREDRILL_FUZZ_STATS) console.log([...tallies].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
});
beforeAll(() => {
  work = fileTmp();
  const out = join(work, 'base');
  const r = runCli(['simulate', INTRO, '--seed', '1', '--out', out]);
  expect(r.code).toBe(0);
  journalLines = readFileSync(join(out, 'journal.jsonl'), 'utf8').trimEnd().split('\n');
  scorecard = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8'));
});

/** A fresh folder for one generated case (removed with the file's temp folder). */
const caseDir = () => {
  const d = join(work, `case-${++caseNo}`);
  mkdirSync(d, { recursive: true });
  return d;
};

/** What every command must do with any input: exit 0 or 1 in time, no stack trace, nothing raw for a terminal. */
function expectSafe(r: CliResult, what: string): void {
  const tally = `${what.split(' ')[0]}${what.includes('--json') ? ' --json' : ''}${what.includes('--print') ? ' --print' : ''} exit ${r.code}`;
  tallies.set(tally, (tallies.get(tally) ?? 0) + 1);
  const where = `${what}\nexit ${r.code}\nstderr: ${r.stderr.slice(0, 2000)}`;
  // null: killed by a signal or by runCli's 10 s timeout.
  expect([0, 1], where).toContain(r.code);
  expect(r.stderr, where).not.toMatch(/\n\s+at /);
  expect(foreignControls(r.stdout, 'palette'), where).toEqual([]);
  expect(foreignControls(r.stderr, 'palette'), where).toEqual([]);
}

// ---- values that do not belong ----

const hugeString = fc.integer({ min: 10_000, max: 1_000_000 }).map((n) => `${'x'.repeat(n)}${PAYLOAD}`);
const hostileString = fc.oneof(
  fc.constant(PAYLOAD),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u001b', '[', ']', '\u0007', '\u009b', '\u009d', '\u202e', '\ud800', '\u0000', '\r', 'a', ';', '2', 'J'), maxLength: 30 }),
);
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 2, arbitrary: fc.oneof(fc.constant([]), fc.constant({}), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 })) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31) },
  { weight: 1, arbitrary: hugeString },
);

type Path = (string | number)[];
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** One change to a JSON value: replace a value (anywhere) with a wrong one, delete it, or append hostile text to a string. */
const jsonEdit = fc.record({ pick: fc.nat(), op: fc.constantFrom('replace', 'delete', 'append'), value: wrongValue });
type JsonEdit = { pick: number; op: 'replace' | 'delete' | 'append'; value: unknown };

function applyEdit(root: unknown, e: JsonEdit): unknown {
  const all = paths(root);
  const path = all[e.pick % all.length]!;
  if (path.length === 0) return e.op === 'replace' ? e.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (e.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (e.op === 'append' && typeof parent[key] === 'string') {
    parent[key] = `${parent[key] as string}${typeof e.value === 'string' ? e.value : PAYLOAD}`;
  } else {
    parent[key] = e.value;
  }
  return root;
}

// ---- journals ----

type LineOp =
  | { kind: 'json'; line: number; edit: JsonEdit }
  | { kind: 'remove' | 'duplicate' | 'truncate'; line: number; at: number }
  | { kind: 'seq'; line: number; seq: number }
  | { kind: 'bytes'; line: number; bytes: Uint8Array }
  | { kind: 'swap'; line: number; other: number };

const lineOp: fc.Arbitrary<LineOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('json' as const), line: fc.nat(), edit: jsonEdit }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('remove' as const, 'duplicate' as const, 'truncate' as const), line: fc.nat(), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('seq' as const), line: fc.nat(), seq: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(2 ** 53)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), line: fc.nat(), bytes: fc.uint8Array({ maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }) },
);

function mutateJournal(lines: readonly string[], ops: readonly LineOp[], bom: boolean, trailingNewline: boolean): Buffer {
  const out: (string | Buffer)[] = [...lines];
  for (const op of ops) {
    if (out.length === 0) break;
    const i = op.line % out.length;
    const line = out[i]!;
    switch (op.kind) {
      case 'json': {
        let v: unknown;
        try {
          v = JSON.parse(line.toString());
        } catch {
          break;
        }
        out[i] = JSON.stringify(applyEdit(v, op.edit));
        break;
      }
      case 'seq': {
        try {
          const v = JSON.parse(line.toString()) as Record<string, unknown>;
          out[i] = JSON.stringify({ ...v, seq: op.seq });
        } catch {
          /* not JSON already */
        }
        break;
      }
      case 'remove': out.splice(i, 1); break;
      case 'duplicate': out.splice(i, 0, line); break;
      case 'truncate': out[i] = line.slice(0, op.at % Math.max(1, line.length)); break;
      case 'bytes': out.splice(i, 0, Buffer.from(op.bytes)); break;
      case 'swap': {
        const j = op.other % out.length;
        out[i] = out[j]!;
        out[j] = line;
        break;
      }
    }
  }
  const parts = out.map((l) => (typeof l === 'string' ? Buffer.from(l) : l));
  const body = Buffer.concat(parts.flatMap((p, k) => (k < parts.length - 1 || trailingNewline ? [p, Buffer.from('\n')] : [p])));
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

describe('fuzz: replay over mutated journals', () => {
  it('exits 0 or 1 without a stack trace or raw control characters, as text and as JSON', { timeout: TEST_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.array(lineOp, { maxLength: 6 }), fc.boolean(), fc.boolean(), (ops, bom, nl) => {
        const dir = caseDir();
        writeFileSync(join(dir, 'journal.jsonl'), mutateJournal(journalLines, ops, bom, nl));
        const what = `journal ops ${JSON.stringify(ops, (_, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v))}`;
        expectSafe(runCli(['replay', dir]), `replay ${what}`);
        const json = runCli(['replay', dir, '--json']);
        expectSafe(json, `replay --json ${what}`);
        if (json.code === 0 || json.stdout.trim().startsWith('{')) expect(() => JSON.parse(json.stdout), `replay --json ${what}`).not.toThrow();
      }),
      OPTS,
    );
  });
});

// ---- scorecards ----

const mutatedScorecard = fc.oneof(
  { weight: 6, arbitrary: fc.array(jsonEdit, { minLength: 1, maxLength: 6 }).map((edits) => JSON.stringify(edits.reduce(applyEdit, structuredClone(scorecardOrThrow())), null, 2)) },
  { weight: 1, arbitrary: fc.nat().map((n) => { const t = JSON.stringify(scorecardOrThrow(), null, 2); return t.slice(0, n % t.length); }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')) },
  { weight: 1, arbitrary: fc.constant(null).map(() => `\ufeff${JSON.stringify(scorecardOrThrow())}`) },
);
function scorecardOrThrow(): unknown {
  if (scorecard === undefined) throw new Error('the base scorecard is made in beforeAll');
  return scorecard;
}

describe('fuzz: review and history over mutated scorecards', () => {
  it('review --print and review --json exit 0 or 1 without a stack trace or raw control characters', { timeout: TEST_TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedScorecard, (card) => {
        const dir = caseDir();
        writeFileSync(join(dir, 'scorecard.json'), card);
        const what = `scorecard ${card.length > 400 ? `${card.slice(0, 400)}…(${card.length})` : card}`;
        expectSafe(runCli(['review', dir, '--print']), `review --print ${what}`);
        const json = runCli(['review', dir, '--json']);
        expectSafe(json, `review --json ${what}`);
        if (json.code === 0) expect(() => JSON.parse(json.stdout), `review --json ${what}`).not.toThrow();
      }),
      OPTS,
    );
  });

  it('history over a folder of mutated runs exits 0 or 1 without a stack trace or raw control characters', { timeout: TEST_TIMEOUT }, () => {
    const run = fc.record({
      name: fc.oneof(fc.constant('20261207T100000Z-bad-deploy-rollback'), fc.string({ unit: fc.constantFrom('a', '-', '\u001b', ']', '0', ';', '\u0007', '\u009b', '\u202e', 'T', 'Z'), minLength: 1, maxLength: 20 })),
      card: mutatedScorecard,
      journal: fc.option(fc.array(lineOp, { maxLength: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 4 }), (runs) => {
        const dir = caseDir();
        runs.forEach((r, k) => {
          const name = `${k}-${r.name.replace(/[/\0]/g, '_')}`;
          const d = join(dir, name);
          mkdirSync(d, { recursive: true });
          writeFileSync(join(d, 'scorecard.json'), r.card);
          if (r.journal) writeFileSync(join(d, 'journal.jsonl'), mutateJournal(journalLines.slice(0, 3), r.journal, false, true));
        });
        const what = `history over ${JSON.stringify(runs.map((r) => ({ ...r, card: r.card.slice(0, 300) })))}`;
        expectSafe(runCli(['history', dir]), what);
      }),
      OPTS,
    );
  });
});

// ---- drill scripts ----

const COMMANDS = ['/ack', '/trigger', '/join', '/ic', '/appoint', '/assign', '/status', '/note', '/mitigated', '/resolved', '/sev', '/ask', '/scribe', '/nope', '', 'hello'];
const NAMES = ['alice', 'bob', 'carol', 'dave'];
const ROLES = ['ic', 'scribe', 'responder', 'comms', 'commander', ''];
const text = fc.oneof(fc.string({ maxLength: 30 }), hostileString, fc.constant(''));
const scriptDoc = fc.record({
  participants: fc.oneof(
    fc.array(fc.record({
      name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: wrongValue }),
      role: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ROLES) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: wrongValue }),
      service: fc.option(fc.oneof(fc.constant('orders-api'), text), { nil: undefined }),
    }, { requiredKeys: ['name', 'role'] }), { maxLength: 4 }),
    wrongValue,
  ),
  bots: fc.oneof(fc.constantFrom('by-the-book', 'sloppy', 'none'), text),
  actions: fc.oneof(
    fc.array(fc.record({
      at: fc.oneof(fc.integer({ min: -10, max: 3000 }).map((s) => `${Math.floor(s / 60)}:${String(Math.abs(s % 60)).padStart(2, '0')}`), fc.integer({ min: -10, max: 3000 }), text, fc.double()),
      by: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: wrongValue }),
      do: fc.oneof(
        { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...COMMANDS), text).map(([c, t]) => `${c} ${t}`.trim()) },
        { weight: 1, arbitrary: wrongValue },
      ),
    }, { requiredKeys: ['at', 'by', 'do'] }), { maxLength: 8 }),
    wrongValue,
  ),
  extra: fc.option(fc.tuple(text, wrongValue), { nil: undefined }),
}, { requiredKeys: [] });

// Scripts the loader accepts, so the hostile text reaches the drill, the journal and the summary.
const validScript = fc.record({
  actions: fc.array(fc.record({
    at: fc.integer({ min: 0, max: 29 * 60 }).map((s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`),
    by: fc.constantFrom('alice', 'carol'),
    do: fc.tuple(fc.constantFrom('/ack', '/trigger', '/status', '/note', '/ic', '/join orders-api', ''), fc.oneof(text, hostileString)).map(([c, t]) => `${c} ${t.replace(/^\/+/, '')}`.trim() || 'hi'),
  }), { minLength: 1, maxLength: 8 }),
}).map((doc) => stringify({ participants: [{ name: 'alice', role: 'ic' }, { name: 'carol', role: 'responder', service: 'orders-api' }], bots: 'by-the-book', ...doc }));

describe('fuzz: simulate --script over generated drill scripts', () => {
  it('exits 0 or 1 without a stack trace or raw control characters', { timeout: TEST_TIMEOUT }, () => {
    const body = fc.oneof(
      { weight: 4, arbitrary: validScript },
      { weight: 4, arbitrary: scriptDoc.map(({ extra, ...doc }) => stringify(extra ? { ...doc, [extra[0] || 'x']: extra[1] } : doc)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
      { weight: 1, arbitrary: scriptDoc.map((doc) => stringify(doc)).chain((s) => fc.nat().map((n) => s.slice(0, n % (s.length + 1)))) },
    );
    fc.assert(
      fc.property(body, fc.boolean(), (script, json) => {
        const dir = caseDir();
        const file = join(dir, 'script.yaml');
        writeFileSync(file, script);
        const args = ['simulate', INTRO, '--seed', '3', '--script', file, '--out', join(dir, 'run'), ...(json ? ['--json'] : [])];
        const r = runCli(args);
        expectSafe(r, `simulate ${json ? '--json ' : ''}--script with\n${script.length > 2000 ? `${script.slice(0, 2000)}…` : script}`);
        if (json && r.code === 0) expect(() => JSON.parse(r.stdout)).not.toThrow();
      }),
      OPTS,
    );
  });
});
