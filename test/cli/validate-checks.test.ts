// `firedrill validate` on the checks of issue 14: out-of-range quantities, merge keys, tabs, the valid ids of an unknown
// reference, and an action that changes nothing. Errors exit 1; the warning exits 0, and 1 under --strict.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit, editText, posOf, STARTER } from '../fixtures/scenarios/variants';
import { runCli } from '../helpers/cli';
import { sharedTempDirs } from '../helpers/tmp';

const FILES = {
  'range.yaml': edit(['web.error_rate: 45%', 'web.error_rate: 140%'], ['web.latency_p99: x3', 'web.latency_p99: { to: -20ms }']),
  'merge.yaml': edit(
    ['  - { id: revert-config, service: web,', '  - &action { id: revert-config, service: web,'],
    ['  - { id: restart-web, service: web, title: Restart all web pods, takes: 2m, redHerring: true }',
      '  - <<: *action\n    id: restart-web\n    title: Restart all web pods\n    major: false\n    redHerring: true'],
  ),
  'tab.yaml': editText(STARTER, ['  - id: web\n', '\t- id: web\n']),
  'unknown.yaml': edit(['on: { revert-config: recovered }', 'on: { revert-config: { to: recovered, requires: [web-log] } }']),
  'inert.yaml': edit([', redHerring: true }', ' }']),
} as const;

describe('firedrill validate: the new checks', () => {
  let dir: string;
  const tmp = sharedTempDirs('validate-checks');
  beforeAll(() => {
    dir = tmp();
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  });
  const at = (name: keyof typeof FILES, needle: string, after?: string) => {
    const p = posOf(FILES[name], needle, after);
    return `${name}:${p.line}:${p.col}`;
  };

  it('refuses a percentage over 100% and a negative effect, saying the allowed range', () => {
    const r = runCli(['validate', 'range.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `${at('range.yaml', '140%')}: error: effect 140% is more than 100%; a percentage is from 0% to 100% (at phases.broken.effects["web.error_rate"])`,
      `${at('range.yaml', '-20ms')}: error: effect -20ms is negative; a metric's value is 0 or more (at phases.broken.effects["web.latency_p99"].to; write the lower value the metric falls to, e.g. { to: 20rps }, or a multiplier such as x0.5)`,
      '1 file checked: 0 valid, 1 invalid (2 errors, 0 warnings)',
      '',
    ].join('\n'));
  });

  it('accepts merge keys, checking the merged keys', () => {
    const r = runCli(['validate', '--strict', 'merge.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('merge.yaml: ok\n1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n');
  });

  it('gives one error for a tab used as indentation, at the tab', () => {
    const r = runCli(['validate', 'tab.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${at('tab.yaml', '\t- id: web')}: error: a tab is used for indentation; YAML cannot be indented with tabs, use spaces\n`
      + '1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)\n');
  });

  it('lists the valid ids for an unknown requires: entry', () => {
    const r = runCli(['validate', 'unknown.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${at('unknown.yaml', 'web-log]')}: error: unknown action or probe "web-log" (at phases.broken.on.revert-config.requires[0]; did you mean "web-logs"? known actions and probes: revert-config, restart-web, web-logs)`);
  });

  it('warns about an action that changes nothing, and fails it under --strict', () => {
    const line = `${at('inert.yaml', 'restart-web')}: warning: action "restart-web" changes nothing: no phase's on: moves on it and no requires: names it (at actions[1].id; add it to a phase's on:, name it in a requires:, or mark it redHerring: true if doing nothing is the point)`;
    const loose = runCli(['validate', 'inert.yaml'], { cwd: dir });
    expect(loose.code).toBe(0);
    expect(loose.stdout).toBe(`${line}\n1 file checked: 1 valid, 0 invalid (0 errors, 1 warning)\n`);
    const strict = runCli(['validate', '--strict', 'inert.yaml'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(`${line}\n1 file checked: 0 valid, 1 invalid (0 errors, 1 warning)\n`);
  });
});
