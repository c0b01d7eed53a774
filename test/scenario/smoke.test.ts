import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { starterScenario } from '../../src/scenario/starter';

describe('starter scenario', () => {
  it('validates with no problems', () => {
    const r = loadScenarioText(starterScenario('demo', '../schema/scenario.schema.json'));
    expect(r.problems).toEqual([]);
    expect(r.scenario?.id).toBe('demo');
  });
});
