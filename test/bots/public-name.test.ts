// The customer liaison bot's updates name the service as customers know it: v2's public names, never an internal
// title; v1 files keep the first service's title (their journals are golden).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicServiceName } from '../../src/bots/public-name';
import { ROOT } from '../helpers/cli';
import { drill, eventsOf, shipped } from '../helpers/drill';
import { editText, scenarioOf } from '../fixtures/scenarios/variants';

const V2_FILE = readFileSync(join(ROOT, 'test/fixtures/v2/retention-purge.yaml'), 'utf8');
const INTERNAL = 'uploads-api (k8s, media team)';
/** The v2 fixture with a customer liaison and an internal title on its first service, plus `extra` edits. */
const v2 = (...extra: (readonly [string, string])[]) => scenarioOf(editText(V2_FILE,
  ['roles: [ic, scribe]', 'roles: [ic, scribe, customer-liaison]'],
  ['  - id: uploads-api\n', `  - id: uploads-api\n    title: ${INTERNAL}\n`],
  ...extra));

/** The texts the liaison bot drafted in a by-the-book run. */
function drafts(s: ReturnType<typeof v2>): string[] {
  const d = drill(s, { seed: '2', bots: 'by-the-book' });
  d.session.runSimulated();
  return eventsOf(d.journal.events, 'draft.submit').map((e) => e.data.text);
}

describe('publicServiceName', () => {
  it('v2: the public names, each once, in file order, joined as a sentence', () => {
    expect(publicServiceName(v2(['  - id: uploads-api\n', '  - id: uploads-api\n    public: Photos\n']))).toBe('Photos');
    expect(publicServiceName(v2(
      ['  - id: uploads-api\n', '  - id: uploads-api\n    public: Photos\n'],
      ['  - id: object-store\n', '  - id: object-store\n    public: Photo storage\n'],
    ))).toBe('Photos and Photo storage');
    expect(publicServiceName(v2(
      ['  - id: uploads-api\n', '  - id: uploads-api\n    public: Photos\n'],
      ['  - id: object-store\n', '  - id: object-store\n    public: Photos\n'],
    ))).toBe('Photos');
  });

  it('v2 without a public name: "our service", never the internal title or id', () => {
    expect(publicServiceName(v2())).toBe('our service');
  });

  it('v1: the first service\'s title, as always', () => {
    // The v1 copy: the library's checkout-db-wal-disk-full is v2 now, with a public name.
    const s = shipped('test/fixtures/v1-library/checkout-db-wal-disk-full.yaml');
    expect(publicServiceName(s)).toBe(s.services[0]!.title);
  });
});

describe('the customer liaison bot', () => {
  it('posts customer updates with the public name', () => {
    const texts = drafts(v2(['  - id: uploads-api\n', '  - id: uploads-api\n    public: Photos\n']));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts[0]).toBe('Investigating: some customers may see errors or slow responses from Photos. We are investigating. Next update in 20 minutes.');
    for (const t of texts) expect(t).not.toContain(INTERNAL);
  });

  it('without a public name says "our service" and leaks no internal title', () => {
    const texts = drafts(v2());
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).toContain('our service');
      expect(t).not.toContain(INTERNAL);
      expect(t).not.toContain('uploads-api');
    }
  });
});
