/** Fills scenario log templates from the seeded Faker, so log lines follow the drill's seed. */
import type { Faker } from '@faker-js/faker';
import type { LogPlaceholder } from '../scenario/log-placeholders';
import { isPlaceholder, PLACEHOLDER_RE } from '../scenario/log-placeholders';

const FILLERS: Readonly<Record<LogPlaceholder, (f: Faker, service: string) => string>> = {
  host: (f, s) => `${s}-${f.number.int({ min: 1, max: 12 })}`,
  ip: (f) => f.internet.ipv4(),
  pod: (f, s) => `${s}-${f.string.alphanumeric({ length: 5, casing: 'lower' })}`,
  region: (f) => f.helpers.arrayElement(['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1']),
  requestId: (f) => f.string.hexadecimal({ length: 12, casing: 'lower', prefix: '' }),
  traceId: (f) => f.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' }),
  uuid: (f) => f.string.uuid(),
  user: (f) => f.internet.username().toLowerCase(),
  email: (f) => f.internet.email().toLowerCase(),
  customer: (f) => f.company.name(),
  path: (f) => `/${f.helpers.arrayElement(['api', 'v1', 'v2'])}/${f.helpers.arrayElement(['checkout', 'orders', 'cart', 'users', 'payments', 'search'])}`,
  status: (f) => String(f.helpers.arrayElement([500, 502, 503, 504])),
  port: (f) => String(f.internet.port()),
  number: (f) => String(f.number.int({ min: 1, max: 9999 })),
  ms: (f) => String(f.number.int({ min: 800, max: 30_000 })),
  version: (f) => f.system.semver(),
  hex: (f) => f.string.hexadecimal({ length: 8, casing: 'lower', prefix: '' }),
  wal: (f) => `0000000100000A${f.string.hexadecimal({ length: 10, casing: 'upper', prefix: '' })}`,
  table: (f) => f.helpers.arrayElement(['orders', 'payments', 'carts', 'sessions', 'inventory']),
  queue: (f) => f.helpers.arrayElement(['emails', 'exports', 'billing', 'webhooks']),
};

/** Replaces each {placeholder} in a template with a generated value. */
export function fillTemplate(template: string, faker: Faker, service: string): string {
  return template.replace(PLACEHOLDER_RE, (whole, name: string) => (isPlaceholder(name) ? FILLERS[name](faker, service) : whole));
}
