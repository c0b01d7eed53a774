import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { ROOT } from '../helpers/cli';
import { toDot, toMermaid } from '../../src/scenario/graph';
import { edit, scenarioOf, STARTER } from '../fixtures/scenarios/variants';

const REQUIRES = edit(['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-logs] } }']);

describe('toMermaid', () => {
  const lines = toMermaid(scenarioOf(STARTER)).split('\n');

  it('is a state diagram titled after the scenario', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines[1]).toBe('  %% Demo');
  });

  it('declares every phase with its marks', () => {
    expect(lines).toContain('  state "healthy" as healthy');
    expect(lines).toContain('  state "broken" as broken');
    expect(lines).toContain('  state "recovered (mitigated, resolved, final)" as recovered');
  });

  it('draws the start, the timer, the action edge and the end', () => {
    expect(lines).toContain('  [*] --> healthy');
    expect(lines).toContain('  healthy --> broken: after 2m');
    expect(lines).toContain('  broken --> recovered: /run revert-config');
    expect(lines).toContain('  recovered --> [*]');
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(4);
  });

  it('ends with exactly one newline', () => {
    const text = toMermaid(scenarioOf(STARTER));
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('names the required steps on an edge, without colons or semicolons in the label', () => {
    const text = toMermaid(scenarioOf(REQUIRES));
    expect(text).toContain('  broken --> recovered: /run revert-config (needs web-logs)');
    const labels = text.split('\n').filter((l) => l.includes('-->') && l.includes(': ')).map((l) => l.slice(l.indexOf(': ') + 2));
    for (const label of labels) expect(label).not.toMatch(/[:;]/);
  });

  it('keeps phases whose ids differ only in "-" versus "_" apart', () => {
    const s = scenarioOf(edit(
      ['after: { 2m: broken }', 'after: { 1m: db-down }'],
      ['  broken:\n', '  db-down:\n    after: { 1m: db_down }\n  db_down:\n    after: { 1m: broken }\n  broken:\n'],
    ));
    const text = toMermaid(s);
    const declared = [...text.matchAll(/^ {2}state "([^"]+)" as (\S+)$/gm)].map((m) => [m[1], m[2]]);
    const ids = declared.map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, id] of declared) expect(id).toMatch(/^[A-Za-z0-9_]+$/);
    expect(declared.find(([label]) => label === 'db-down')?.[1]).not.toBe(declared.find(([label]) => label === 'db_down')?.[1]);
  });

  it('keeps a multi-line title inside the comment', () => {
    const s = scenarioOf(edit(['title: Demo\n', 'title: |\n  Demo\n  stateDiagram-v2 injected --> here\n']));
    const text = toMermaid(s);
    expect(text.split('\n')[1]).toBe('  %% Demo stateDiagram-v2 injected --> here');
    expect(text.split('\n').filter((l) => l.includes('injected'))).toHaveLength(1);
  });
});

describe('toDot', () => {
  const text = toDot(scenarioOf(STARTER));
  const lines = text.split('\n');

  it('is a left-to-right digraph named and labelled after the scenario', () => {
    expect(lines[0]).toBe('digraph "demo" {');
    expect(lines).toContain('  rankdir=LR;');
    expect(lines).toContain('  label="Demo";');
    expect(lines[lines.length - 2]).toBe('}');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('declares phases, green and doubled for the mitigated, resolved, final one', () => {
    expect(lines).toContain('  "healthy" [label="healthy"];');
    expect(lines).toContain('  "recovered" [label="recovered\\n(mitigated, resolved, final)", color=darkgreen, peripheries=2];');
  });

  it('draws the start, the dashed timer and the action edge', () => {
    expect(lines).toContain('  __start -> "healthy";');
    expect(lines).toContain('  "healthy" -> "broken" [label="after 2m", style=dashed];');
    expect(lines).toContain('  "broken" -> "recovered" [label="/run revert-config"];');
    expect(lines.filter((l) => l.includes('->'))).toHaveLength(3);
  });

  it('labels required steps and quotes titles safely', () => {
    expect(toDot(scenarioOf(REQUIRES))).toContain('  "broken" -> "recovered" [label="/run revert-config (needs web-logs)"];');
    const quoted = toDot(scenarioOf(edit(['title: Demo\n', 'title: \'The "big" one\'\n'])));
    expect(quoted).toContain('  label="The \\"big\\" one";');
  });

  it('formats timer labels as durations', () => {
    const s = scenarioOf(edit(['after: { 2m: broken }', 'after: { 90s: broken }']));
    expect(toDot(s)).toContain('[label="after 1m30s", style=dashed]');
    expect(toMermaid(s)).toContain('healthy --> broken: after 1m30s');
  });
});

describe('v2 edges', () => {
  const text = edit(
    ['schema: firedrill/v1', 'schema: firedrill/v2'],
    ['debrief:\n', 'variables: { calm: true }\ndebrief:\n'],
    ['    after: { 2m: broken }', '    after: { 2m: { to: broken, chance: 0.3, jitter: 30s } }\n    at: { 20m: recovered }\n    when: { "not calm and web.error_rate > 5%": broken }'],
    ['text: "Customers say checkout fails half the time." }', 'text: "Customers say checkout fails half the time.", sets: { calm: false } }'],
  );
  const s = scenarioOf(text);

  it('draws clock and condition edges, with chances, as edges nobody runs', () => {
    const lines = toMermaid(s).split('\n');
    expect(lines).toContain('  healthy --> broken: after 2m ±30s (30%)');
    expect(lines).toContain('  healthy --> recovered: at T+20m');
    expect(lines).toContain('  healthy --> broken: when not calm and web.error_rate > 5%');
    const dot = toDot(s);
    expect(dot).toContain('"healthy" -> "broken" [label="when not calm and web.error_rate > 5%", style=dashed];');
    expect(dot).toContain('"healthy" -> "recovered" [label="at T+20m", style=dashed];');
    expect(dot).toContain('"broken" -> "recovered" [label="/run revert-config"];');
  });
});

describe('v2 judgement in the graph', () => {
  const text = readFileSync(join(ROOT, 'test/fixtures/v2/judged-moves.yaml'), 'utf8');
  const s = loadScenarioText(text).scenario!;

  it('marks worse phases, and each judged action\'s edges with its kind and weight (Mermaid)', () => {
    const mermaid = toMermaid(s);
    expect(mermaid).toMatch(/state "meltdown \(worse\)"/);
    expect(mermaid).toMatch(/--> [a-z_]+: \/run restart-db \(harmful −10\)$/m);
    expect(mermaid).toMatch(/--> [a-z_]+: \/run flush-cache \(red herring −3\)$/m);
    expect(mermaid).toMatch(/--> [a-z_]+: \/run revert-config$/m);
  });

  it('colours worse phases and labels judged edges (DOT)', () => {
    const dot = toDot(s);
    expect(dot).toMatch(/"meltdown" \[label="meltdown\\n\(worse\)", color=darkred\]/);
    expect(dot).toMatch(/\/run restart-db \(harmful −10\)/);
  });

  it('leaves a v1 file\'s red herrings unmarked, as they are not judged', () => {
    expect(toMermaid(scenarioOf(STARTER))).not.toMatch(/harmful|red herring|worse/);
  });
});
