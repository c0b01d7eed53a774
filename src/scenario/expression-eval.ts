/** Evaluates a parsed v2 condition against the world: pure, and the same answer for the same world. */
import type { CompareOp, Expr, Literal, Operand } from './expression';

/** What a condition may read of the world at one moment. */
export interface ConditionScope {
  phase(): string;
  variable(name: string): number | boolean | string | undefined;
  /** A question's answer, undefined while unanswered. */
  answer(question: string): string | undefined;
  metric(ref: string): number;
}

type Value = number | boolean | string | undefined;

function read(o: Operand, scope: ConditionScope): Value {
  switch (o.kind) {
    case 'phase': return scope.phase();
    case 'variable': return scope.variable(o.name);
    case 'answer': return scope.answer(o.question);
    case 'metric': return scope.metric(o.ref);
  }
}

function literalValue(l: Literal): number | boolean | string {
  return l.kind === 'quantity' ? l.value.value : l.value;
}

function same(a: Value, b: number | boolean | string): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return a === b;
}

function compareValues(a: Value, op: CompareOp, b: number | boolean | string): boolean {
  if (op === '=') return same(a, b);
  if (op === '!=') return !same(a, b);
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  switch (op) {
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
  }
}

/** Whether the condition holds in the world `scope` describes. */
export function evaluate(e: Expr, scope: ConditionScope): boolean {
  switch (e.kind) {
    case 'or': return e.items.some((x) => evaluate(x, scope));
    case 'and': return e.items.every((x) => evaluate(x, scope));
    case 'not': return !evaluate(e.expr, scope);
    case 'test': {
      const v = read(e.operand, scope);
      return typeof v === 'number' ? v !== 0 : typeof v === 'string' ? v !== '' : v === true;
    }
    case 'compare': return compareValues(read(e.operand, scope), e.op, literalValue(e.value));
    case 'in': {
      const v = read(e.operand, scope);
      return e.values.some((l) => same(v, literalValue(l)));
    }
  }
}
