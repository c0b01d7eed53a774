// Scoring benchmark: a 10,000-event journal from a busy two-hour scripted drill, scored repeatedly.
import { buildCast } from '../src/engine/cast';
import { MemoryJournal } from '../src/engine/journal';
import { createFaker } from '../src/engine/random';
import { DrillSession } from '../src/engine/session';
import { loadScenarioText } from '../src/scenario/load-scenario';
import { starterScenario } from '../src/scenario/starter';
import { score } from '../src/scoring/score';

const text = starterScenario('busy', 'x').replace(/^duration: .*$/m, 'duration: 120m').replace('roles: [ic, scribe]', 'roles: [ic, scribe, deputy, customer-liaison]');
const { scenario, problems } = loadScenarioText(text);
if (!scenario) throw new Error(JSON.stringify(problems));
const humans = [
  { name: 'alice', role: 'ic' as const }, { name: 'bob', role: 'scribe' as const }, { name: 'dana', role: 'deputy' as const },
  { name: 'erin', role: 'customer-liaison' as const }, { name: 'carol', role: 'responder' as const, service: 'web' },
];
const cast = buildCast(scenario, humans, createFaker('1', 'people'), 'by-the-book');
const journal = new MemoryJournal();
const session = new DrillSession({ scenario, seed: '1', cast, journal });
const inputs: { atMs: number; actor: string; text: string }[] = [
  { atMs: 200_000, actor: 'carol', text: '/ack' }, { atMs: 201_000, actor: 'carol', text: '/trigger web errors' },
  { atMs: 202_000, actor: 'alice', text: '/ic This is alice, I am the Incident Commander' },
  { atMs: 203_000, actor: 'alice', text: '/appoint @bob scribe' }, { atMs: 204_000, actor: 'alice', text: '/appoint @dana deputy' },
  { atMs: 205_000, actor: 'alice', text: '/sev SEV-2' },
];
let t = 206_000;
let task = 0;
while (t < 119 * 60_000) {
  const k = (t / 1000) % 10;
  if (k === 0) { inputs.push({ atMs: t, actor: 'alice', text: `/assign @carol check web-logs round ${++task} in 5m` }); }
  else if (k === 1) inputs.push({ atMs: t, actor: 'carol', text: '/wilco' });
  else if (k === 2) inputs.push({ atMs: t, actor: 'bob', text: `/note T${task} assigned to carol` });
  else if (k === 5) inputs.push({ atMs: t, actor: 'carol', text: `/report T${task} nothing new in the logs` });
  else if (k === 7) inputs.push({ atMs: t, actor: 'alice', text: `/status SEV-2, round ${task}, next update in 10 minutes` });
  else if (k === 8) inputs.push({ atMs: t, actor: 'erin', text: `/draft Still investigating round ${task}. Next update in 20 minutes.` });
  else inputs.push({ atMs: t, actor: 'dana', text: `IC, be advised: chatter ${t}` });
  t += 500;
}
session.runSimulated(inputs);
const events = journal.events.slice(0, 10_000);
if (events.length < 10_000) throw new Error(`only ${events.length} events`);
const runs: number[] = [];
for (let i = 0; i < 25; i++) {
  const t0 = performance.now();
  score(scenario, journal.headerLine!, events);
  runs.push(performance.now() - t0);
}
const sorted = [...runs].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ events: events.length, firstMs: runs[0], medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted[sorted.length - 1] }));
