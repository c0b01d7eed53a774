// Keybindings as data: every binding is reachable through commandFor, no key is bound twice, and the
// footer and help read labels from the same table.
import { describe, expect, it } from 'vitest';
import { key, keyId as id, press } from '../helpers/ink-keys';
import { commandFor, HELP_PAIRS, helpKeyRows, KEYMAP } from '../../src/ui/keymap';

describe('keymap', () => {
  it('reaches every binding through commandFor', () => {
    for (const b of KEYMAP) for (const spec of b.keys) expect(commandFor(...press(spec)), id(spec)).toBe(b.command);
  });

  it('binds no key twice and no command twice', () => {
    const keys = KEYMAP.flatMap((b) => b.keys.map(id));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(KEYMAP.map((b) => b.command)).size).toBe(KEYMAP.length);
  });

  it('binds no Ctrl+letter a terminal sends as a named key (Tab, Enter, Backspace, Escape)', () => {
    const ctrls = KEYMAP.flatMap((b) => b.keys.filter((k): k is { ctrl: string } => 'ctrl' in k).map((k) => k.ctrl));
    for (const c of ['i', 'm', 'j', 'h', '[']) expect(ctrls).not.toContain(c);
  });

  it('gives every binding a label and a description, and every footer entry a label', () => {
    for (const b of KEYMAP) {
      expect(b.label, b.command).toMatch(/\S/);
      expect(b.description, b.command).toMatch(/\S/);
      if (b.footer !== undefined) expect(b.footer, b.command).toMatch(/\S/);
    }
    expect(KEYMAP.filter((b) => b.footer).map((b) => `${b.label} ${b.footer}`))
      .toEqual(['? help', '^P pause', '^F faster', '^S slower', '^T inject', '^E end', '^N next speaker', '^O note oldest']);
    expect(KEYMAP.filter((b) => b.footerRoles).map((b) => [b.label, b.footerRoles])).toEqual([['^O', ['scribe']]]);
  });

  it('reaches the scribe key by Ctrl+O', () => {
    expect(commandFor('o', key({ ctrl: true }))).toBe('scribe.noteOldest');
    expect(commandFor('o', key())).toBeUndefined();
  });

  it('shows paired keys on one help row, and every other binding on its own, in keymap order', () => {
    const rows = helpKeyRows();
    expect(rows).toHaveLength(KEYMAP.length - HELP_PAIRS.length);
    expect(rows.map((r) => r.label)).toEqual([
      '^C', '?', '^L', '^P', '^F/^S', '^T', '^E', '^N', '^O', 'PgUp/PgDn', '^G', 'Enter', 'Tab', 'Up/Down', '^U', '^W', 'Left/Right', 'Home/End', 'Bksp', 'Esc',
    ]);
    expect(rows.find((r) => r.label === 'Up/Down')?.description).toBe('previous or next line from history');
    // Without its partner a binding keeps its own row and words.
    expect(helpKeyRows(KEYMAP.filter((b) => b.command !== 'line.historyDown')).find((r) => r.label === 'Up')?.description).toBe('previous line from history');
    for (const p of HELP_PAIRS) for (const c of [p.first, p.second]) expect(KEYMAP.some((b) => b.command === c), c).toBe(true);
  });

  it('labels Ctrl bindings ^X after their letter', () => {
    for (const b of KEYMAP) {
      const c = b.keys[0];
      if (c && 'ctrl' in c) expect(b.label).toBe(`^${c.ctrl.toUpperCase()}`);
    }
  });

  it('matches Ctrl+letter whatever the case Ink reports', () => {
    expect(commandFor('C', key({ ctrl: true, shift: true }))).toBe('app.quit');
    expect(commandFor('n', key({ ctrl: true }))).toBe('speaker.next');
  });

  it('treats the DEL that terminals send for Backspace as Backspace', () => {
    expect(commandFor('', key({ delete: true }))).toBe('line.backspace');
  });

  it('reaches Home by Ctrl+A too', () => {
    expect(commandFor('a', key({ ctrl: true }))).toBe('line.home');
  });

  it('leaves plain typing alone', () => {
    for (const ch of ['a', 'c', 'n', '/', '@', ' ', 'Q', '??', 'what?']) expect(commandFor(ch, key()), ch).toBeUndefined();
    // A letter without Ctrl is text even when a Ctrl binding uses it.
    expect(commandFor('p', key())).toBeUndefined();
  });

  it('does not take ? with Meta or Ctrl as help', () => {
    expect(commandFor('?', key({ meta: true }))).toBeUndefined();
    expect(commandFor('?', key({ ctrl: true }))).toBeUndefined();
  });

  it('lets an explicit binding table override the default', () => {
    expect(commandFor('x', key({ ctrl: true }), [{ command: 'app.quit', keys: [{ ctrl: 'x' }], label: '^X', description: 'quit' }])).toBe('app.quit');
    expect(commandFor('c', key({ ctrl: true }), [])).toBeUndefined();
  });
});
