/** What a customer-facing update calls the affected service: a name customers know, never an internal title. */
import type { Scenario } from '../scenario/types';

/** "A", "A and B", "A, B and C". */
function joined(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * v1: the first service's title, as always. v2: the services' public names (`public:`), each once, in file order;
 * with none, "our service": an internal title or id ("Web app (browser, measured by real-user monitoring)",
 * checkout-db) is not something customers know.
 */
export function publicServiceName(s: Scenario): string {
  if (s.version !== 2) return s.services[0]?.title ?? 'our service';
  const names = [...new Set(s.services.flatMap((x) => (x.publicName !== undefined ? [x.publicName] : [])))];
  return names.length ? joined(names) : 'our service';
}
