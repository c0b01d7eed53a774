/** Checks a parsed v2 condition against the names a scenario declares: every name exists and every value fits it. */
import { unknownNameHint } from './did-you-mean';
import { operandsOf, type Expr, type Literal } from './expression';
import type { UnitFamily } from './quantity';

/** The kind of value a scenario variable holds. */
export type VariableKind = 'number' | 'flag';

/** What a condition may name. */
export interface ConditionNames {
  readonly variables: ReadonlyMap<string, VariableKind>;
  readonly phases: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  /** Metric refs with their unit family (undefined when the baseline is malformed). */
  readonly metrics: ReadonlyMap<string, UnitFamily | undefined>;
  /** Question inject ids, with their fixed answers when they have them. */
  readonly questions: ReadonlyMap<string, readonly string[] | undefined>;
}

/** A problem in a condition, at a character offset into its text. */
export interface ConditionProblem {
  readonly message: string;
  readonly at: number;
  readonly hint?: string;
}

/** The closest valid name if one is close, and the valid names (or how to declare one when there are none). */
function choices(word: string, valid: readonly string[], what: string, none: string): string {
  return valid.length ? unknownNameHint(word, valid, what) : none;
}

function literalText(l: Literal): string {
  return l.kind === 'quantity' ? l.text : String(l.value);
}

/** Problems with the names and values of a condition (none when it is sound). */
export function checkExpression(e: Expr, names: ConditionNames): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  const add = (message: string, at: number, hint?: string) => out.push({ message, at, ...(hint ? { hint } : {}) });
  for (const node of operandsOf(e)) {
    const { operand, at, name } = node;
    const values = node.kind === 'compare' ? [node.value] : node.kind === 'in' ? node.values : [];
    const ordered = node.kind === 'compare' && node.op !== '=' && node.op !== '!=';
    switch (operand.kind) {
      case 'phase': {
        if (node.kind === 'test') add('"phase" needs a comparison: phase = ID, phase != ID or phase in [A, B]', at);
        if (ordered) add(`phases have no order; use phase = ID, phase != ID or phase in [A, B]`, at);
        for (const v of values) {
          const id = String(v.value);
          if (v.kind !== 'word' || !names.phases.has(id)) add(`unknown phase "${literalText(v)}"`, v.at, choices(literalText(v), [...names.phases], 'phases', 'declare it under phases:'));
        }
        break;
      }
      case 'variable': {
        const kind = names.variables.get(operand.name);
        if (kind === undefined) {
          add(`unknown variable "${operand.name}"`, at, choices(operand.name, [...names.variables.keys()], 'variables', 'declare it under variables: (e.g. variables: { email_held: false })'));
          break;
        }
        if (kind === 'number') {
          if (node.kind === 'test') add(`"${name}" is a number; compare it, e.g. ${name} > 0`, at);
          if (node.kind === 'in') add(`"${name}" is a number; compare it with =, !=, >, >=, < or <=`, at);
          for (const v of values) if (v.kind !== 'quantity' || v.value.family !== 'count') add(`"${name}" is a number, so compare it with a plain number, not ${literalText(v)}`, v.at);
        } else {
          if (ordered || node.kind === 'in') add(`"${name}" is a flag (true or false); test it as "${name}" or "not ${name}"`, at);
          for (const v of values) if (v.kind !== 'flag') add(`"${name}" is a flag, so compare it with true or false, not ${literalText(v)}`, v.at);
        }
        break;
      }
      case 'answer': {
        if (!names.questions.has(operand.question)) {
          add(`unknown question "${operand.question}" in "${name}"`, at, choices(operand.question, [...names.questions.keys()], 'questions (injects of kind question with an id)', 'give a question inject an id: and test answer.ID'));
          break;
        }
        if (ordered) add(`answers are words; compare them with = or != (or in [...])`, at);
        const fixed = names.questions.get(operand.question);
        for (const v of values) {
          if (v.kind === 'flag' || v.kind === 'quantity') {
            if (!fixed || !fixed.some((a) => a.toLowerCase() === literalText(v).toLowerCase())) add(`answers are words; write the answer, e.g. ${name} = yes`, v.at);
          } else if (fixed && !fixed.some((a) => a.toLowerCase() === v.value.toLowerCase())) {
            add(`"${v.value}" is not one of the answers to "${operand.question}"`, v.at, `its answers: ${fixed.join(', ')}`);
          }
        }
        break;
      }
      case 'metric': {
        const [svc] = operand.ref.split('.');
        if (!names.services.has(svc!)) {
          add(`unknown service "${svc}" in "${operand.ref}"`, at, choices(svc!, [...names.services], 'services', 'declare it under services:'));
          break;
        }
        if (!names.metrics.has(operand.ref)) {
          const ofService = [...names.metrics.keys()].filter((m) => m.startsWith(`${svc}.`));
          add(`service "${svc}" has no metric "${operand.ref.slice(svc!.length + 1)}"`, at, choices(operand.ref, ofService, 'its metrics', 'declare it under services[].metrics'));
          break;
        }
        if (node.kind !== 'compare') {
          add(`"${name}" is a metric; compare it with a value, e.g. ${name} > 5`, at);
          break;
        }
        const family = names.metrics.get(operand.ref);
        const v = node.value;
        if (v.kind !== 'quantity') add(`a metric is compared with a quantity (e.g. 95%, 900ms, 1200rps), not ${literalText(v)}`, v.at);
        else if (family && v.value.family !== family && !(v.value.family === 'count' && family !== 'percent' && family !== 'time')) {
          add(`"${v.text}" is a ${v.value.family} value but ${operand.ref} is measured as ${family}`, v.at);
        }
        break;
      }
    }
  }
  return out;
}
