import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpokenDuration, splitTimebox } from '../../src/engine/timebox';

const S = 1000;
const M = 60_000;
const H = 3_600_000;

type Row = [input: string, task: string, timeboxMs: number | null, unread?: string];

const check = (...[input, task, timeboxMs, unread]: Row) => {
  expect(splitTimebox(input)).toEqual(unread === undefined ? { task, timeboxMs } : { task, timeboxMs, unread });
};

describe('splitTimebox: the trailing time boxes /assign always read', () => {
  // The same cases as the /assign table in parse-command.test.ts, which must keep passing.
  it.each<Row>([
    ['check the disk in 5m', 'check the disk', 5 * M],
    ['check the disk in 5 min', 'check the disk', 5 * M],
    ['check the disk in 5 minutes', 'check the disk', 5 * M],
    ['check the disk in 5 mins.', 'check the disk', 5 * M],
    ['check the disk within 10m', 'check the disk', 10 * M],
    ['check the disk for 3m', 'check the disk', 3 * M],
    ['check the disk 5m', 'check the disk', 5 * M],
    ['check the disk in 90s', 'check the disk', 90 * S],
    ['check the disk in 90 seconds', 'check the disk', 90 * S],
    ['check the disk in 1h30m', 'check the disk', 90 * M],
    ['check the disk in 1 hour 30 minutes', 'check the disk', 90 * M],
    ['check the disk 1h 30m', 'check the disk', 90 * M],
    ['check the disk, in 5m', 'check the disk', 5 * M],
    ['check the disk - 5m', 'check the disk', 5 * M],
    ['check the disk IN 5M', 'check the disk', 5 * M],
    ['check the disk', 'check the disk', null],
    ['watch p99 for 5m then report in 10m', 'watch p99 for 5m then report', 10 * M],
    ['watch the web service for 2 minutes', 'watch the web service', 2 * M],
    ['in 5m', '', 5 * M],
    ['check it in 0m', 'check it', 0],
  ])('%s', check);
});

describe('splitTimebox: the ways people actually write a time box', () => {
  it.each<Row>([
    ['check the logs (5 min)', 'check the logs', 5 * M],
    ['check the logs (5 min) and restart the api', 'check the logs and restart the api', 5 * M],
    ['check the logs [in 10]', 'check the logs', 10 * M],
    ['check the logs, back in 5', 'check the logs', 5 * M],
    ['check the logs and report back in 5', 'check the logs', 5 * M],
    ['check the logs. Back in 5!', 'check the logs', 5 * M],
    ['check logs 5min', 'check logs', 5 * M],
    ['check the logs, 5 mins', 'check the logs', 5 * M],
    ['check the logs, five minutes', 'check the logs', 5 * M],
    ['in 5 minutes, check the logs', 'check the logs', 5 * M],
    ['within 10m: check the disk', 'check the disk', 10 * M],
    ['in 10 check the disk', 'check the disk', 10 * M],
    ['5 min: check the disk', 'check the disk', 5 * M],
    ['timebox 5m: restart the api', 'restart the api', 5 * M],
    ['in 5m, check errors in the last 5m', 'check errors in the last 5m', 5 * M],
    ['check the logs in 5m please', 'check the logs', 5 * M],
    ['check the logs please, in 5m', 'check the logs', 5 * M],
    ['check the logs and report back in 5 minutes, thanks', 'check the logs', 5 * M],
    ['check the logs in 5m, thank you!', 'check the logs', 5 * M],
    ['check dns in 5m 🙏', 'check dns', 5 * M],
    ['check the disk and report in five minutes', 'check the disk', 5 * M],
    ['check the disk in ten mins', 'check the disk', 10 * M],
    ['restart the api, give it 10 minutes', 'restart the api', 10 * M],
    ['check the logs, take 10m', 'check the logs', 10 * M],
    ['check the logs, you have 10 minutes', 'check the logs', 10 * M],
    ['check the logs, timebox 5m', 'check the logs', 5 * M],
    ['check the logs, time box: 5 min', 'check the logs', 5 * M],
    ['check the logs, 5m timebox', 'check the logs', 5 * M],
    ['check the logs with a 5-minute timebox', 'check the logs', 5 * M],
    ['check the logs in a couple of minutes', 'check the logs', 2 * M],
    ['check the logs in a few minutes', 'check the logs', 3 * M],
    ['check logs, back in a few', 'check logs', 3 * M],
    ['check the logs in half an hour', 'check the logs', 30 * M],
    ['check the logs in a quarter of an hour', 'check the logs', 15 * M],
    ['check the logs in an hour', 'check the logs', H],
    ['check the logs in an hour and a half', 'check the logs', 90 * M],
    ['check the logs in twenty-five minutes', 'check the logs', 25 * M],
    ['check the logs in 1.5 minutes', 'check the logs', 90 * S],
    ['check the logs in one minute', 'check the logs', M],
    ['check the logs in about 5m', 'check the logs', 5 * M],
    ['check the logs in like 10 minutes', 'check the logs', 10 * M],
    ['check the logs in max 5m', 'check the logs', 5 * M],
    ['check the logs in under 5 minutes', 'check the logs', 5 * M],
    ['check the logs, back in 5 min or so', 'check the logs', 5 * M],
    ['watch the dashboard in the next 5 minutes', 'watch the dashboard', 5 * M],
    ['for 5 minutes, watch the dashboard', 'watch the dashboard', 5 * M],
    ['check disks & report back in 5', 'check disks', 5 * M],
    ['check the logs and check back in 10', 'check the logs', 10 * M],
    ['check node 3 in 5', 'check node 3', 5 * M],
    ['check the logs in 120', 'check the logs', 120 * M],
    ['roll back in 5m', 'roll back', 5 * M],
    ['check the fall-back in 5m', 'check the fall-back', 5 * M],
    ['check p99 (last 5m) in 10m', 'check p99 (last 5m)', 10 * M],
    // With no task before it, "report back" is all the IC asked for, so it stays.
    ['report back in 5', 'report back', 5 * M],
  ])('%s', check);
});

describe('splitTimebox: durations that belong to the task', () => {
  it.each<Row>([
    ['check errors in the last 5m', 'check errors in the last 5m', null],
    ['look at the last 5 minutes', 'look at the last 5 minutes', null],
    ['check the last 1h 30m', 'check the last 1h 30m', null],
    ['look at the 500s', 'look at the 500s', null],
    ['look for 500s', 'look for 500s', null],
    ['count the 404s', 'count the 404s', null],
    ['check the logs (500s)', 'check the logs (500s)', null],
    // Three digits and an "s" read as status codes even after "in"; "300 seconds" still works.
    ['check the logs, report back in 200s', 'check the logs, report back in 200s', null],
    ['find requests slower than 500ms', 'find requests slower than 500ms', null],
    ['latency over 5 minutes', 'latency over 5 minutes', null],
    ['check the 5m dashboard', 'check the 5m dashboard', null],
    ['errors since 12:05', 'errors since 12:05', null],
    ['deploy v2.13.2', 'deploy v2.13.2', null],
    ['pool of 5 connections', 'pool of 5 connections', null],
    ['scale to 120 pods', 'scale to 120 pods', null],
    ['restart 2 pods', 'restart 2 pods', null],
    ['set the TTL to 5m', 'set the TTL to 5m', null],
    ['bump the timeout by 30s', 'bump the timeout by 30s', null],
    ['wait 5 minutes', 'wait 5 minutes', null],
    ['look for 5', 'look for 5', null],
    ['check pods in zone 5', 'check pods in zone 5', null],
    ['check errors in 2024', 'check errors in 2024', null],
    ['check the logs in 121', 'check the logs in 121', null],
    ['check the logs half an hour', 'check the logs half an hour', null],
    ['check the logs in 5-10 minutes', 'check the logs in 5-10 minutes', null],
    ['take 5 minutes to check the logs', 'take 5 minutes to check the logs', null],
    // A watch window, not a deadline: it stays in the task and the assignment has no time box.
    ['watch the dashboard for the next 5 minutes', 'watch the dashboard for the next 5 minutes', null],
    ['for the next 5 minutes, watch the dashboard', 'for the next 5 minutes, watch the dashboard', null],
    ['check the logs and report back', 'check the logs and report back', null],
    ['check the logs for a bit', 'check the logs for a bit', null],
  ])('%s', check);
});

describe('splitTimebox: time boxes it cannot read', () => {
  it.each<Row>([
    ['check the logs, back in a bit', 'check the logs', null, 'back in a bit'],
    ['check the logs and report back soon', 'check the logs', null, 'report back soon'],
    ['check the logs, back soon', 'check the logs', null, 'back soon'],
    ['check the logs, will be back soon', 'check the logs', null, 'will be back soon'],
    ['check the logs, get back to me soon', 'check the logs', null, 'get back to me soon'],
    ['check the logs and report back shortly', 'check the logs', null, 'report back shortly'],
    ['check the logs in a jiffy', 'check the logs', null, 'in a jiffy'],
    ['check the logs in a while', 'check the logs', null, 'in a while'],
    ['check the logs in a sec', 'check the logs', null, 'in a sec'],
    ['check the logs, report back in a minute', 'check the logs', null, 'report back in a minute'],
    ['restart the api, give it a minute', 'restart the api', null, 'give it a minute'],
    ['check the logs asap', 'check the logs', null, 'asap'],
    ['check the logs and let me know ASAP!', 'check the logs', null, 'let me know ASAP'],
    ['check the logs as soon as possible please', 'check the logs', null, 'as soon as possible'],
    ['write the report asap', 'write the report', null, 'asap'],
    ['ASAP: check the logs', 'check the logs', null, 'ASAP'],
    ['in a bit, check the logs', 'check the logs', null, 'in a bit'],
    ['check the logs, report by T+15', 'check the logs', null, 'report by T+15'],
    ['check logs by 14:30', 'check logs', null, 'by 14:30'],
  ])('%s', check);

  it.each([
    'check if the soon-to-expire cert is served',
    'check which certs expire soon',
    'roll back soon',
    'restart it once in a while',
    'check the logs quickly',
    'check the report later',
  ])('does not flag "%s"', (text) => {
    expect(splitTimebox(text)).toEqual({ task: text, timeboxMs: null });
  });
});

describe('splitTimebox: robustness', () => {
  it('trims the task it returns', () => {
    expect(splitTimebox('  check the disk  ')).toEqual({ task: 'check the disk', timeboxMs: null });
  });

  it('stays fast on long runs of spaces, dots and brackets', () => {
    for (const text of [`a${' '.repeat(100_000)}b in 5m`, `x${'.'.repeat(100_000)}x`, 'a '.repeat(50_000), '('.repeat(50_000), ' ,'.repeat(50_000)]) {
      const started = performance.now();
      splitTimebox(text);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('never throws, never lengthens the task, and reports unread phrases only without a time box', () => {
    const word = fc.constantFrom(
      'check', 'the', 'logs', 'in', 'within', 'for', 'back', 'report', 'and', 'then', 'a', 'an', 'few', 'couple', 'of',
      'half', 'hour', 'five', '5', '5m', '500s', '500ms', 'min', 'minutes', 'last', 'next', 'timebox', 'time', 'box',
      'soon', 'asap', 'bit', 'please', 'thanks', ',', '-', '(5m)', '(', ')', ':', '.', 'constructor', '__proto__',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), (words) => {
        const text = words.join(' ');
        const r = splitTimebox(text);
        expect(r.task.length).toBeLessThanOrEqual(text.trim().length);
        expect(r.task).toBe(r.task.trim());
        if (r.unread !== undefined) expect(r.timeboxMs).toBeNull();
        if (r.timeboxMs !== null) expect(Number.isInteger(r.timeboxMs) && r.timeboxMs >= 0).toBe(true);
      }),
    );
  });
});

describe('parseSpokenDuration', () => {
  it.each<readonly [string, number]>([
    ['5m', 5 * M],
    ['5 min', 5 * M],
    ['10 minutes', 10 * M],
    ['1h 30m', 90 * M],
    ['1h30m', 90 * M],
    ['1h30', 90 * M],
    ['1 hour, 30 minutes', 90 * M],
    ['1 hour and 30 minutes', 90 * M],
    ['90 seconds', 90 * S],
    ['90s', 90 * S],
    ['1.5 minutes', 90 * S],
    ['2 hrs', 2 * H],
    ['500ms', 500],
    ['0m', 0],
    ['five minutes', 5 * M],
    ['Twenty-Five Minutes', 25 * M],
    ['sixty seconds', M],
    ['ninety seconds', 90 * S],
    ['a minute', M],
    ['an hour', H],
    ['a couple of minutes', 2 * M],
    ['a couple minutes', 2 * M],
    ['a few minutes', 3 * M],
    ['half an hour', 30 * M],
    ['a half hour', 30 * M],
    ['half a minute', 30 * S],
    ['quarter of an hour', 15 * M],
    ['a quarter of an hour', 15 * M],
    ['three quarters of an hour', 45 * M],
    ['an hour and a half', 90 * M],
    ['two and a half minutes', 150 * S],
    ['5-minute', 5 * M],
  ])('reads "%s"', (text, ms) => {
    expect(parseSpokenDuration(text)).toBe(ms);
  });

  it.each(['', '5', 'five', 'a few', 'soon', 'a', 'five m', '5 constructor', 'constructor', '__proto__', '-5m', 'm5', 'in 5m', '5m ago', '12:05', 'v2.13.2', '5 pods'])(
    'rejects "%s"',
    (text) => {
      expect(parseSpokenDuration(text)).toBeUndefined();
    },
  );

  it('reads a lone number as minutes only when asked to', () => {
    expect(parseSpokenDuration('5', { bareMinutes: true })).toBe(5 * M);
    expect(parseSpokenDuration('five', { bareMinutes: true })).toBe(5 * M);
    expect(parseSpokenDuration('1.5', { bareMinutes: true })).toBe(90 * S);
    expect(parseSpokenDuration('a few', { bareMinutes: true })).toBe(3 * M);
    expect(parseSpokenDuration('a couple', { bareMinutes: true })).toBe(2 * M);
    expect(parseSpokenDuration('5m', { bareMinutes: true })).toBe(5 * M);
    expect(parseSpokenDuration('a', { bareMinutes: true })).toBeUndefined();
    expect(parseSpokenDuration('5 pods', { bareMinutes: true })).toBeUndefined();
  });

  it('refuses text too long to be a duration', () => {
    expect(parseSpokenDuration('1m '.repeat(30))).toBeUndefined();
  });
});
