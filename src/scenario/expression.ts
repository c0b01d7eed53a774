/**
 * The condition language of format v2: "deleted_objects > 5000 and not email_held", "phase in [a, b]",
 * "checkout-db.disk_used >= 95%", "answer.hold-email = yes". A small hand-written parser: scenario files are data,
 * and nothing in them is ever evaluated as code.
 */
import { parseQuantity, type Quantity } from './quantity';

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=';

/** What a condition reads: the phase, a scenario variable, a question's answer, or a metric. */
export type Operand =
  | { readonly kind: 'phase' }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'answer'; readonly question: string }
  | { readonly kind: 'metric'; readonly ref: string };

/** A value written in a condition: a number or quantity, a flag, or a word (a phase id or an answer). */
export type Literal =
  | { readonly kind: 'quantity'; readonly value: Quantity; readonly text: string; readonly at: number }
  | { readonly kind: 'flag'; readonly value: boolean; readonly at: number }
  | { readonly kind: 'word'; readonly value: string; readonly at: number };

export type Expr =
  | { readonly kind: 'or' | 'and'; readonly items: readonly Expr[] }
  | { readonly kind: 'not'; readonly expr: Expr }
  /** A bare name: a flag is true, a question has been answered. */
  | { readonly kind: 'test'; readonly operand: Operand; readonly name: string; readonly at: number }
  | { readonly kind: 'compare'; readonly operand: Operand; readonly name: string; readonly at: number; readonly op: CompareOp; readonly value: Literal }
  | { readonly kind: 'in'; readonly operand: Operand; readonly name: string; readonly at: number; readonly values: readonly Literal[] };

/** A parse failure: what is wrong and at which character of the text. */
export interface ExpressionError {
  readonly error: string;
  readonly at: number;
}

/** The longest condition text; a condition is one line a person reads. */
export const EXPRESSION_MAX = 500;

type Token =
  | { readonly t: 'word'; readonly text: string; readonly at: number; readonly quoted: boolean }
  | { readonly t: 'op'; readonly text: CompareOp; readonly at: number }
  | { readonly t: '(' | ')' | '[' | ']' | ','; readonly at: number };

const WORD_CHAR = /[A-Za-z0-9_.%/:+-]/;
const OPS: readonly CompareOp[] = ['>=', '<=', '!=', '=', '>', '<'];
const KEYWORDS = new Set(['and', 'or', 'not', 'in']);
const NAME_RE = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)?$/;

function fail(error: string, at: number): ExpressionError {
  return { error, at };
}

function tokenize(text: string): Token[] | ExpressionError {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      out.push({ t: c, at: i });
      i++;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? (text.startsWith('==', i) ? '=' : undefined);
    if (op !== undefined) {
      const len = text.startsWith('==', i) ? 2 : op.length;
      out.push({ t: 'op', text: op, at: i });
      i += len;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return fail(`the quoted text starting here has no closing ${c}`, i);
      out.push({ t: 'word', text: text.slice(i + 1, end), at: i, quoted: true });
      i = end + 1;
      continue;
    }
    if (!WORD_CHAR.test(c)) return fail(`unexpected "${c}"; a condition is made of names, values, comparisons (= != > >= < <=), and, or, not, in [...] and parentheses`, i);
    const start = i;
    while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
    out.push({ t: 'word', text: text.slice(start, i), at: start, quoted: false });
  }
  return out;
}

/** A recursive-descent parser over the tokens; precedence: not, then and, then or. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[], private readonly end: number) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && !t.quoted && t.text.toLowerCase() === word;
  }

  private where(): number {
    return this.peek()?.at ?? this.end;
  }

  parse(): Expr | ExpressionError {
    const e = this.or();
    if ('error' in e) return e;
    const t = this.peek();
    if (t) return fail(t.t === 'word' ? `expected "and", "or" or the end of the condition before "${t.text}"` : `unexpected "${t.t === 'op' ? t.text : t.t}"`, t.at);
    return e;
  }

  private or(): Expr | ExpressionError {
    return this.chain('or', () => this.and());
  }

  private and(): Expr | ExpressionError {
    return this.chain('and', () => this.unary());
  }

  private chain(word: 'and' | 'or', next: () => Expr | ExpressionError): Expr | ExpressionError {
    const first = next();
    if ('error' in first) return first;
    const items = [first];
    while (this.isWord(word)) {
      this.i++;
      const e = next();
      if ('error' in e) return e;
      items.push(e);
    }
    return items.length === 1 ? first : { kind: word, items };
  }

  private unary(): Expr | ExpressionError {
    if (this.isWord('not')) {
      this.i++;
      const e = this.unary();
      return 'error' in e ? e : { kind: 'not', expr: e };
    }
    const t = this.peek();
    if (t?.t === '(') {
      this.i++;
      const e = this.or();
      if ('error' in e) return e;
      if (this.peek()?.t !== ')') return fail('expected ")" to close the "(" before it', this.where());
      this.i++;
      return e;
    }
    return this.atom();
  }

  private atom(): Expr | ExpressionError {
    const t = this.peek();
    if (!t) return fail('the condition ends where a name was expected', this.end);
    if (t.t !== 'word' || t.quoted || KEYWORDS.has(t.text.toLowerCase())) {
      return fail(`expected a name (a variable, phase, answer.QUESTION or service.metric) here, got ${describe(t)}`, t.at);
    }
    if (!NAME_RE.test(t.text)) return fail(`"${t.text}" is not a name: names are lower-case words such as email_held, answer.hold-email or checkout-db.disk_used`, t.at);
    this.i++;
    const operand = operandOf(t.text);
    const base = { operand, name: t.text, at: t.at };
    const next = this.peek();
    if (next?.t === 'op') {
      this.i++;
      const value = this.literal();
      return 'error' in value ? value : { kind: 'compare', ...base, op: next.text, value };
    }
    if (this.isWord('in')) {
      this.i++;
      const values = this.list();
      return 'error' in values ? values : { kind: 'in', ...base, values };
    }
    return { kind: 'test', ...base };
  }

  private list(): Literal[] | ExpressionError {
    if (this.peek()?.t !== '[') return fail('expected a list after "in", e.g. [degraded, failing]', this.where());
    this.i++;
    const values: Literal[] = [];
    for (;;) {
      const v = this.literal();
      if ('error' in v) return v;
      values.push(v);
      const t = this.peek();
      if (t?.t === ',') {
        this.i++;
        continue;
      }
      if (t?.t === ']') {
        this.i++;
        return values;
      }
      return fail('expected "," or "]" in the list', this.where());
    }
  }

  private literal(): Literal | ExpressionError {
    const t = this.peek();
    if (!t || t.t !== 'word') return fail(`expected a value here${t ? `, got ${describe(t)}` : ' (the condition ends too soon)'}`, t?.at ?? this.end);
    this.i++;
    if (t.quoted) return { kind: 'word', value: t.text, at: t.at };
    const lower = t.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'flag', value: lower === 'true', at: t.at };
    const q = /^-?\d/.test(t.text) ? parseQuantity(t.text) : undefined;
    if (q) return { kind: 'quantity', value: q, text: t.text, at: t.at };
    if (/^-?\d/.test(t.text)) return fail(`"${t.text}" is not a number or quantity (e.g. 5000, 95%, 900ms, 600/min)`, t.at);
    if (KEYWORDS.has(lower)) return fail(`expected a value here, got "${t.text}"`, t.at);
    return { kind: 'word', value: t.text, at: t.at };
  }
}

function describe(t: Token): string {
  if (t.t === 'word') return `"${t.text}"`;
  if (t.t === 'op') return `"${t.text}"`;
  return `"${t.t}"`;
}

/** What a name in a condition refers to, by its shape. */
function operandOf(name: string): Operand {
  if (name === 'phase') return { kind: 'phase' };
  if (name.startsWith('answer.')) return { kind: 'answer', question: name.slice('answer.'.length) };
  if (name.includes('.')) return { kind: 'metric', ref: name };
  return { kind: 'variable', name };
}

/** Parses a condition, or says what is wrong and where (a character offset into the text). */
export function parseExpression(text: string): Expr | ExpressionError {
  if (text.length > EXPRESSION_MAX) return fail(`a condition may be at most ${EXPRESSION_MAX} characters long`, 0);
  const tokens = tokenize(text);
  if ('error' in tokens) return tokens;
  if (!tokens.length) return fail('the condition is empty', 0);
  return new Parser(tokens, text.length).parse();
}

/** Tells a parse failure from an expression. */
export function isExpressionError(x: Expr | ExpressionError): x is ExpressionError {
  return 'error' in x;
}

/** Every name-reading node of an expression, in text order (for checks). */
export function operandsOf(e: Expr): Extract<Expr, { operand: Operand }>[] {
  switch (e.kind) {
    case 'or': case 'and': return e.items.flatMap(operandsOf);
    case 'not': return operandsOf(e.expr);
    default: return [e];
  }
}
