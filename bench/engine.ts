// In-process engine benchmark: a 60-minute drill with bots in every seat, timed warm.
import { attachBots } from '../src/bots/attach-bots';
import { buildCast, type BotPolicyName } from '../src/engine/cast';
import { MemoryJournal } from '../src/engine/journal';
import { createFaker } from '../src/engine/random';
import { DrillSession } from '../src/engine/session';
import { loadScenarioText } from '../src/scenario/load-scenario';
import { readFileSync } from 'node:fs';

const [file, runsArg] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8').replace(/^duration: .*$/m, 'duration: 60m');
const { scenario, problems } = loadScenarioText(text, file);
if (!scenario) throw new Error(JSON.stringify(problems));

function once(seed: string, policy: BotPolicyName): { ms: number; events: number; endMs: number } {
  const cast = buildCast(scenario!, [], createFaker(seed, 'people'), policy);
  const journal = new MemoryJournal();
  const t0 = performance.now();
  const session = new DrillSession({ scenario: scenario!, seed, cast, journal });
  attachBots(session, policy);
  session.runSimulated();
  const ms = performance.now() - t0;
  return { ms, events: journal.events.length, endMs: session.scheduler.now() };
}

const runs = Number(runsArg ?? 30);
const out: Record<string, unknown> = {};
for (const policy of ['by-the-book', 'sloppy'] as const) {
  once('warm', policy);
  const samples = Array.from({ length: runs }, (_, i) => once(String(i + 1), policy));
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  out[policy] = { medianMs: ms[Math.floor(ms.length / 2)], maxMs: ms[ms.length - 1], events: samples[0]!.events, drillMinutes: samples[0]!.endMs / 60000 };
}
process.stdout.write(JSON.stringify(out));
