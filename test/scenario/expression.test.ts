// The v2 condition language: parsing (precedence, lists, quotes, errors with offsets), checking against a
// scenario's names, and evaluating against a world.
import { describe, expect, it } from 'vitest';
import { parseExpression, type Expr } from '../../src/scenario/expression';
import { checkExpression, type ConditionNames } from '../../src/scenario/expression-check';
import { evaluate, type ConditionScope } from '../../src/scenario/expression-eval';

const parse = (text: string): Expr => {
  const e = parseExpression(text);
  if ('error' in e) throw new Error(`${text}: ${e.error} at ${e.at}`);
  return e;
};
const error = (text: string) => {
  const e = parseExpression(text);
  if (!('error' in e)) throw new Error(`${text} parsed`);
  return e;
};

/** The shape of an expression without positions, for readable assertions. */
function shape(e: Expr): unknown {
  switch (e.kind) {
    case 'or': case 'and': return { [e.kind]: e.items.map(shape) };
    case 'not': return { not: shape(e.expr) };
    case 'test': return e.name;
    case 'compare': return [e.name, e.op, e.value.kind === 'quantity' ? e.value.text : e.value.value];
    case 'in': return [e.name, 'in', e.values.map((v) => v.value)];
  }
}

describe('parseExpression', () => {
  it('reads comparisons, flags and negation', () => {
    expect(shape(parse('deleted_objects > 5000'))).toEqual(['deleted_objects', '>', '5000']);
    expect(shape(parse('email_held'))).toEqual('email_held');
    expect(shape(parse('not email_held'))).toEqual({ not: 'email_held' });
    expect(shape(parse('checkout-db.disk_used>=95%'))).toEqual(['checkout-db.disk_used', '>=', '95%']);
    expect(shape(parse('answer.hold-email = yes'))).toEqual(['answer.hold-email', '=', 'yes']);
    expect(shape(parse('answer.hold-email == "not now"'))).toEqual(['answer.hold-email', '=', 'not now']);
    expect(shape(parse('api.rate < 600/min'))).toEqual(['api.rate', '<', '600/min']);
    expect(shape(parse('x != -20'))).toEqual(['x', '!=', '-20']);
  });

  it('binds not tighter than and, and and tighter than or; parentheses group', () => {
    expect(shape(parse('a or b and not c'))).toEqual({ or: ['a', { and: ['b', { not: 'c' }] }] });
    expect(shape(parse('(a or b) and c'))).toEqual({ and: [{ or: ['a', 'b'] }, 'c'] });
    expect(shape(parse('not (a and b)'))).toEqual({ not: { and: ['a', 'b'] } });
    expect(shape(parse('a AND b Or c'))).toEqual({ or: [{ and: ['a', 'b'] }, 'c'] });
  });

  it('reads phase lists', () => {
    expect(shape(parse('phase in [degraded, db-failing]'))).toEqual(['phase', 'in', ['degraded', 'db-failing']]);
    expect(shape(parse('phase = deleting'))).toEqual(['phase', '=', 'deleting']);
  });

  it.each([
    ['', 'the condition is empty', 0],
    ['a >', 'the condition ends too soon', 3],
    ['a > 5 b', 'expected "and", "or" or the end of the condition before "b"', 6],
    ['(a or b', 'expected ")"', 7],
    ['a and', 'the condition ends where a name was expected', 5],
    ['phase in degraded', 'expected a list after "in"', 9],
    ['phase in [a b]', 'expected "," or "]"', 12],
    ['a > 5x', '"5x" is not a number or quantity', 4],
    ['a; b', 'unexpected ";"', 1],
    ['Foo > 1', '"Foo" is not a name', 0],
    ['a = "open', 'no closing "', 4],
    ['> 3', 'expected a name', 0],
  ])('refuses %j with a message and the offset of the problem', (text, message, at) => {
    const e = error(text);
    expect(e.error).toContain(message);
    expect(e.at).toBe(at);
  });

  it('refuses a condition longer than 500 characters', () => {
    expect(error(`a${' or a'.repeat(100)}`).error).toMatch(/at most 500/);
  });

  it('never evaluates its text as code', () => {
    expect('error' in parseExpression('process.exit(1)')).toBe(true);
    expect('error' in parseExpression('constructor')).toBe(false);
  });
});

const NAMES: ConditionNames = {
  variables: new Map([['deleted_objects', 'number'], ['email_held', 'flag']]),
  phases: new Set(['steady', 'deleting', 'paused']),
  services: new Set(['object-store']),
  metrics: new Map([['object-store.disk_used', 'percent'], ['object-store.deleted', 'count']]),
  questions: new Map<string, readonly string[] | undefined>([['hold-email', ['yes', 'no']], ['eta', undefined]]),
};
const problems = (text: string) => checkExpression(parse(text), NAMES);

describe('checkExpression', () => {
  it('accepts sound conditions', () => {
    for (const text of [
      'deleted_objects > 5000 and not email_held', 'email_held = false', 'phase in [deleting, paused]', 'phase != steady',
      'object-store.disk_used >= 95%', 'object-store.deleted > 100', 'answer.hold-email = yes', 'answer.eta', 'answer.eta = "in an hour"',
    ]) expect(problems(text), text).toEqual([]);
  });

  it('names an unknown variable at its offset and lists the valid ones', () => {
    const [p] = problems('email_held and spare > 1');
    expect(p).toMatchObject({ message: 'unknown variable "spare"', at: 15, hint: 'known variables: deleted_objects, email_held' });
    expect(problems('email_hled')[0]?.hint).toBe('did you mean "email_held"? known variables: deleted_objects, email_held');
  });

  it('checks each name is used as its kind', () => {
    expect(problems('deleted_objects')[0]?.message).toMatch(/is a number; compare it/);
    expect(problems('email_held > 1')[0]?.message).toMatch(/is a flag/);
    expect(problems('deleted_objects > yes')[0]?.message).toMatch(/compare it with a plain number/);
    expect(problems('phase')[0]?.message).toMatch(/"phase" needs a comparison/);
    expect(problems('phase = nowhere')[0]).toMatchObject({ message: 'unknown phase "nowhere"', at: 8 });
    expect(problems('object-store.disk_used > 95ms')[0]?.message).toMatch(/is a time value but object-store.disk_used is measured as percent/);
    expect(problems('object-store.iops > 5')[0]?.message).toMatch(/has no metric "iops"/);
    expect(problems('web.errors > 5')[0]?.message).toMatch(/unknown service "web"/);
    expect(problems('answer.hold-email = maybe')[0]).toMatchObject({ message: '"maybe" is not one of the answers to "hold-email"', hint: 'its answers: yes, no' });
    expect(problems('answer.hold = yes')[0]?.message).toMatch(/unknown question "hold"/);
  });
});

describe('evaluate', () => {
  const world = (over: Partial<Record<string, number | boolean | string>> = {}, phase = 'deleting'): ConditionScope => {
    const vars: Record<string, number | boolean | string | undefined> = { deleted_objects: 6000, email_held: false, ...over };
    return {
      phase: () => phase,
      variable: (n) => vars[n],
      answer: (q) => (typeof vars[`answer.${q}`] === 'string' ? (vars[`answer.${q}`] as string) : undefined),
      metric: (ref) => (ref === 'object-store.disk_used' ? 96 : 0),
    };
  };
  const holds = (text: string, scope = world()) => evaluate(parse(text), scope);

  it('compares numbers, flags, phases, metrics and answers', () => {
    expect(holds('deleted_objects > 5000 and not email_held')).toBe(true);
    expect(holds('deleted_objects > 5000 and not email_held', world({ email_held: true }))).toBe(false);
    expect(holds('deleted_objects <= 6000 and deleted_objects >= 6000 and deleted_objects = 6000')).toBe(true);
    expect(holds('phase in [steady, deleting]')).toBe(true);
    expect(holds('phase != deleting')).toBe(false);
    expect(holds('object-store.disk_used > 95%')).toBe(true);
    expect(holds('answer.hold-email = yes')).toBe(false);
    expect(holds('answer.hold-email != yes')).toBe(true);
    expect(holds('answer.hold-email = YES', world({ 'answer.hold-email': 'yes' }))).toBe(true);
    expect(holds('answer.hold-email', world({ 'answer.hold-email': 'no' }))).toBe(true);
  });

  it('follows precedence: a or b and c is a or (b and c)', () => {
    expect(holds('email_held or deleted_objects > 1 and deleted_objects < 0')).toBe(false);
    expect(holds('(email_held or deleted_objects > 1) and deleted_objects > 0')).toBe(true);
  });
});
