// A v1 file that uses v2 keys: refused, with one "needs schema: firedrill/v2" error per key, at that key.
import { expect } from 'vitest';
import { load, posOf, withCode } from '../fixtures/scenarios/variants';

/** Asserts the text is refused with exactly these keys' needs-v2 errors, each at its key (`at`: the text to find it by, default the key). */
export function expectNeedsV2(text: string, keys: readonly (string | { key: string; at: string })[]): void {
  const r = load(text);
  expect(r.scenario).toBeUndefined();
  const needs = withCode(r.problems, 'schema/needs-newer-schema');
  const wanted = keys.map((k) => (typeof k === 'string' ? { key: k, at: k } : k));
  expect(needs.map((p) => p.message).sort()).toEqual(wanted.map((k) => `"${k.key}" needs schema: firedrill/v2`).sort());
  for (const k of wanted) {
    expect(needs.find((p) => p.message.startsWith(`"${k.key}"`)), k.key).toMatchObject({ ...posOf(text, k.at), hint: expect.stringContaining('change it to schema: firedrill/v2') });
  }
}
