// Issue 11 on a terminal: the scorecard screen (review, and the end of run) and the drill screen draw text from
// files, flags and folder names; the raw stream a pseudo-terminal receives must hold only what Ink and the program
// write themselves: no OSC (clipboard, title), no clear screen, no C1 controls, no BiDi override, no lone surrogate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, PtyRun } from '../helpers/pty';
import { evil, foreignControls, hostileScenarioText, hostileScorecard, NAME_PAYLOAD } from '../helpers/terminal-scan';
import { tempDir } from '../helpers/tmp';

const runs: PtyRun[] = [];
const start = (args: string[], cwd: string) => {
  const r = new PtyRun(args, { cwd });
  runs.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});

// A folder name with the payload (a name cannot hold a lone surrogate); short, so the screens show all of it.
const EVIL_RUN = `r-${evil(NAME_PAYLOAD)}`;

const expectInert = (r: PtyRun) => expect(foreignControls(r.output, 'ink', { tty: true })).toEqual([]);

describe('hostile text on a terminal', () => {
  it('review draws rule ids and titles, names, the title and the run folder as text', async () => {
    const cwd = tempDir('inject');
    mkdirSync(join(cwd, EVIL_RUN));
    writeFileSync(join(cwd, EVIL_RUN, 'scorecard.json'), JSON.stringify(hostileScorecard(), null, 2));
    const r = start(['review', EVIL_RUN], cwd);
    await r.waitFor('Enter/q leave');
    // The run folder and the violations are further down the scrolling scorecard.
    r.press('\x1b[F');
    const s = await r.waitFor(/Run folder: r-evilend/);
    r.press('q');
    expect(await r.exited).toBe(0);
    expectInert(r);
    expect(s).toMatch(/RD-10evil\uFFFD?end/);
  });

  it('run draws the scenario\'s texts (header, alerts, probe results, logs), the scorecard screen and the run folder as text', async () => {
    const cwd = tempDir('inject');
    writeFileSync(join(cwd, 'title.yaml'), hostileScenarioText());
    // --quiet: alice is paged, and the bell firedrill rings for that (its own BEL, test/e2e/cues.test.ts) would
    // read as a stray control here, where every byte not drawing the screen must be someone's text made inert.
    const r = start(['run', 'title.yaml', '--seed', '7', '--as', 'alice:responder:orders-api', '--speed', '200', '--quiet', '--out', EVIL_RUN], cwd);
    const drill = await r.waitFor('alice (responder)>');
    await r.type('/check orders-api-logs\r', 1);
    // The probe's log lines end in the payload's words.
    const checked = await r.waitFor((x) => (x.match(/evil\uFFFD?end/g) ?? []).length > 2);
    const end = await r.waitFor(/^You, [^:]+: \d+ \([A-F]\) · team \d+ \([A-F]\)$/m, 15_000);
    r.press('\x1b[F');
    const bottom = await r.waitFor(/Run folder: r-evilend/);
    r.press(KEYS.ENTER);
    expect(await r.exited).toBe(0);
    expectInert(r);
    expect(drill).toMatch(/Orders evil\uFFFD?end/);
    expect(checked).toMatch(/evil\uFFFD?end/);
    expect(end).toMatch(/Orders evil\uFFFD?end/);
    expect(bottom).toMatch(/Run folder: r-evilend/);
    expect(r.output).toMatch(/Run folder: r-evilend/);
  });

  it('run echoes a hostile --as as text', async () => {
    const cwd = tempDir('inject');
    writeFileSync(join(cwd, 'title.yaml'), hostileScenarioText());
    const r = start(['run', 'title.yaml', '--as', `${evil(NAME_PAYLOAD)}:ic`], cwd);
    expect(await r.exited).toBe(1);
    expectInert(r);
    expect(r.output).toMatch(/--as "evilend:ic"/);
  });
});
