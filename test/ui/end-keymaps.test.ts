// The end screens' keys are data like the drill's: each binding reachable, no key bound twice in one screen.
import { describe, expect, it } from 'vitest';
import { keyId as id, press } from '../helpers/ink-keys';
import { DETAIL_KEYMAP, FINAL_CHANNEL_KEYMAP, SCORECARD_KEYMAP } from '../../src/ui/end-keymaps';
import { commandIn, type Binding } from '../../src/ui/keymap';

describe.each([['scorecard', SCORECARD_KEYMAP], ['final channel', FINAL_CHANNEL_KEYMAP], ['entry in full', DETAIL_KEYMAP]] as const)('the %s keys', (_name, map) => {
  const bindings = map as readonly Binding<string>[];
  it('reach every binding, bind no key twice, and label every footer entry', () => {
    for (const b of bindings) for (const spec of b.keys) expect(commandIn(bindings, ...press(spec)), id(spec)).toBe(b.command);
    const keys = bindings.flatMap((b) => b.keys.map(id));
    expect(new Set(keys).size).toBe(keys.length);
    for (const b of bindings) expect(b.description, b.command).toMatch(/\S/);
  });
});

describe('the way back', () => {
  it('Tab goes from the scorecard to the final channel and back, and Esc closes an entry', () => {
    expect(commandIn(SCORECARD_KEYMAP, ...press({ key: 'tab' }))).toBe('card.channel');
    expect(commandIn(FINAL_CHANNEL_KEYMAP, ...press({ key: 'tab' }))).toBe('final.scorecard');
    expect(commandIn(DETAIL_KEYMAP, ...press({ key: 'escape' }))).toBe('detail.close');
    // ^G opens an entry in the final channel as on the drill screen, and closes it again.
    expect(commandIn(FINAL_CHANNEL_KEYMAP, ...press({ ctrl: 'g' }))).toBe('final.detail');
    expect(commandIn(DETAIL_KEYMAP, ...press({ ctrl: 'g' }))).toBe('detail.close');
  });
});
