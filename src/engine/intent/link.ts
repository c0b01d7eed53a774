/**
 * Links what people type to the scenario's actions, probes and services: "roll back orders-api to
 * the previous version" is about rollback-orders-api, "look at the deploy history" about
 * deploy-history. One module, shared by the engine, the bots, the scorer and the UI, so every part
 * reads a sentence the same way. Pure and deterministic.
 */
import type { Scenario } from '../../scenario/types';
import { GENERIC_REMEDIATION, questionedClauses, stemOf, tokenize, type Token, type VerbGroup } from './words';

export type TargetKind = 'action' | 'probe';

/** What a piece of text is about. */
export interface IntentLinks {
  /** Actions it is about, best match first. */
  readonly actions: readonly string[];
  /** Probes it is about, best match first. */
  readonly probes: readonly string[];
  /** Services it names ("the DNS", "orders-api", "the database"). */
  readonly services: readonly string[];
  /** Whether it asks to change something (a remediation verb, or "fix", "mitigate"). */
  readonly remediation: boolean;
  /** Whether it asks to look at something (check, look at, investigate). */
  readonly diagnostic: boolean;
}

interface Target {
  readonly id: string;
  readonly kind: TargetKind;
  readonly service: string;
  readonly idVerbs: ReadonlySet<VerbGroup>;
  readonly titleVerbs: ReadonlySet<VerbGroup>;
  readonly objects: ReadonlySet<string>;
  /** Words of the id, which count for more than the words of the title. */
  readonly idWords: ReadonlySet<string>;
}

interface Catalog {
  readonly targets: readonly Target[];
  readonly weight: ReadonlyMap<string, number>;
  /** Stem → the one service it names. */
  readonly serviceWords: ReadonlyMap<string, string>;
}

/** A link needs at least this score: a matching verb, or two telling words. */
const LINK_AT = 3.5;
/** Candidates within this of the best in a clause are linked too (a tie is ambiguous, and both are meant). */
const TIE = 0.5;
/** A later clause that nearly fits an action already named goes on describing it ("…and reload it on every node"). */
const SAME_THING = 2;
const ID_VERB = 4;
const TITLE_VERB = 3;
const DIAGNOSTIC = 2;
const CONFLICT = -4;
const ID_WORD_BONUS = 1.5;

const catalogs = new WeakMap<Pick<Scenario, 'actions' | 'probes' | 'services'>, Catalog>();

type Linkable = Pick<Scenario, 'actions' | 'probes' | 'services'>;

function verbsOf(tokens: readonly Token[]): Set<VerbGroup> {
  return new Set(tokens.filter((t) => !t.negated).flatMap((t) => t.verbs));
}

function target(id: string, kind: TargetKind, service: string, title: string): Target {
  const idTokens = tokenize(id.replace(/-/g, ' '));
  const titleTokens = tokenize(title);
  const serviceTokens = tokenize(service);
  const isVerb = (t: Token) => kind === 'action' && t.verbs.length > 0;
  const objects = new Set<string>([
    ...tokenize(id).filter((t) => !isVerb(t)).map((t) => t.stem),
    ...idTokens.filter((t) => !isVerb(t)).map((t) => t.stem),
    ...titleTokens.filter((t) => !isVerb(t) && !t.negated).map((t) => t.stem),
    ...serviceTokens.map((t) => t.stem),
  ]);
  return {
    id, kind, service,
    idVerbs: kind === 'action' ? verbsOf(idTokens) : new Set(['check']),
    titleVerbs: kind === 'action' ? verbsOf(titleTokens) : new Set(['check']),
    objects,
    idWords: new Set(idTokens.map((t) => t.stem)),
  };
}

function catalogOf(s: Linkable): Catalog {
  let c = catalogs.get(s);
  if (c) return c;
  const targets = [
    ...s.actions.map((a) => target(a.id, 'action', a.service, a.title)),
    ...s.probes.map((p) => target(p.id, 'probe', p.service, p.title)),
  ];
  const df = new Map<string, number>();
  for (const t of targets) for (const o of t.objects) df.set(o, (df.get(o) ?? 0) + 1);
  const weight = new Map([...df].map(([w, n]) => [w, Math.log(1 + targets.length / n)]));
  // A service is named by its id, or by a part of its id no other service shares ("dns" for internal-dns).
  const serviceWords = new Map<string, string>();
  const partOwners = new Map<string, Set<string>>();
  for (const svc of s.services) {
    for (const t of tokenize(svc.id)) {
      const owners = partOwners.get(t.stem) ?? new Set<string>();
      owners.add(svc.id);
      partOwners.set(t.stem, owners);
    }
  }
  for (const [word, owners] of partOwners) if (owners.size === 1 && word.length >= 2) serviceWords.set(word, [...owners][0]!);
  c = { targets, weight, serviceWords };
  catalogs.set(s, c);
  return c;
}

function scoreTarget(t: Target, tokens: readonly Token[], verbs: ReadonlySet<VerbGroup>, negatedVerbs: ReadonlySet<VerbGroup>, cat: Catalog): number {
  const change = [...verbs].filter((v) => v !== 'check');
  // A verb the text typed that is also a plain word of the target ("deploy history") is not a conflict.
  const verbWordsInTarget = tokens.some((tk) => tk.verbs.length > 0 && t.objects.has(tk.stem));
  let score = 0;
  if (t.kind === 'action') {
    const all = new Set([...t.idVerbs, ...t.titleVerbs]);
    if ([...negatedVerbs].some((v) => all.has(v)) && !change.some((v) => all.has(v))) return -Infinity;
    if (change.length > 0) {
      score += change.some((v) => t.idVerbs.has(v)) ? ID_VERB : change.some((v) => t.titleVerbs.has(v)) ? TITLE_VERB : verbWordsInTarget ? 0 : CONFLICT;
    } else if (verbs.has('check')) {
      score += CONFLICT;
    }
  } else if (verbs.has('check')) {
    score += DIAGNOSTIC;
  } else if (change.length > 0 && !verbWordsInTarget) {
    score += CONFLICT;
  }
  const seen = new Set<string>();
  for (const tk of tokens) {
    if (tk.negated || seen.has(tk.stem) || !t.objects.has(tk.stem)) continue;
    seen.add(tk.stem);
    score += (cat.weight.get(tk.stem) ?? 0) * (t.idWords.has(tk.stem) ? ID_WORD_BONUS : 1) * (tk.modifier ? 0.5 : 1);
  }
  // The very verb of the id ("stop" for stop-rogue-instances) fits better than another of its group ("disable").
  if (t.kind === 'action' && tokens.some((tk) => !tk.negated && tk.verbs.length > 0 && t.idWords.has(tk.stem))) score += 1;
  return score;
}

/** Ids written out in the text ("rollback-orders-api", or "rollback orders api" is left to the words). */
function idsIn(text: string, ids: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return ids.filter((id) => new RegExp(`(?:^|[^a-z0-9-])${id.replace(/[-]/g, '\\-')}(?:$|[^a-z0-9-])`).test(lower));
}

/** What a piece of text is about, in this scenario. */
export function linkIntent(text: string, scenario: Linkable): IntentLinks {
  const cat = catalogOf(scenario);
  const linked = new Map<string, number>();
  for (const id of idsIn(text, cat.targets.map((t) => t.id))) linked.set(id, 100);
  // Someone who types an id means that one; the words around it are its description.
  const explicit = linked.size > 0;
  let inherited = new Set<VerbGroup>();
  let lentNegated = new Set<VerbGroup>();
  let remediation = false;
  let asking = false;
  const all = questionedClauses(text).map((c) => c.tokens);
  const questions = questionedClauses(text).map((c) => c.question);
  all.forEach((tokens, i) => {
    let verbs = verbsOf(tokens);
    // "check the logs and the deploy history": the second clause keeps the first one's verb.
    if (verbs.size === 0) verbs = inherited;
    else inherited = verbs;
    const negatedVerbs = new Set([...lentNegated, ...tokens.filter((t) => t.negated).flatMap((t) => t.verbs)]);
    // A clause that is only a verb ("stop, not terminate, the instances") lends it, and what it negates, to the next one.
    if (i < all.length - 1 && tokens.every((t) => t.verbs.length > 0)) {
      lentNegated = negatedVerbs;
      return;
    }
    lentNegated = new Set();
    // "check whether it can be paused", "look at what a failover would take": asking about a change is looking.
    const firstVerb = tokens.find((t) => t.verbs.length > 0 && !t.negated);
    const looking = firstVerb?.verbs.includes('check') === true || (asking && questions[i] === true);
    asking = looking;
    const clauseVerbs = looking ? new Set<VerbGroup>(['check']) : verbs;
    const scored = cat.targets.map((t) => ({ t, score: scoreTarget(t, tokens, clauseVerbs, negatedVerbs, cat) })).filter((x) => x.score >= LINK_AT);
    const best = Math.max(...scored.map((x) => x.score));
    // "reissue the cert and reload it on every node": a later clause that fits an action already named is that action.
    const earlier = scored.filter((x) => linked.has(x.t.id) && x.score >= best - SAME_THING);
    let hits = earlier.length ? earlier : scored.filter((x) => x.score >= best - TIE);
    // A bare verb that fits many actions ("we're stopping them") names none of them.
    const objectless = !tokens.some((t) => t.verbs.length === 0 && !t.negated && hits.some((x) => x.t.objects.has(t.stem)));
    if (objectless && hits.filter((x) => x.t.kind === 'action').length > 2) hits = [];
    if (!explicit) for (const x of hits) linked.set(x.t.id, Math.max(linked.get(x.t.id) ?? 0, x.score));
    // A verb word that names what a linked probe looks at is a noun there ("the deploy history").
    const nouns = new Set(hits.filter((x) => x.t.kind === 'probe').flatMap((x) => [...x.t.objects]));
    if (!looking && !verbs.has('check') && tokens.some((t) => !t.negated && !nouns.has(t.stem) && (t.verbs.some((v) => v !== 'check') || GENERIC_REMEDIATION.has(t.stem)))) remediation = true;
  });
  const ranked = [...linked].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const kindOf = new Map(cat.targets.map((t) => [t.id, t.kind]));
  const tokens = all.flat();
  const services = new Set<string>();
  for (const tk of tokens) {
    const svc = cat.serviceWords.get(tk.stem);
    if (svc !== undefined && !tk.negated) services.add(svc);
  }
  return {
    actions: ranked.filter((id) => kindOf.get(id) === 'action'),
    probes: ranked.filter((id) => kindOf.get(id) === 'probe'),
    services: [...services],
    remediation,
    diagnostic: verbsOf(tokens).has('check'),
  };
}

/** Whether two texts are about the same action or probe (for notes that paraphrase a decision). */
export function sameTarget(a: IntentLinks, b: IntentLinks): boolean {
  return a.actions.some((x) => b.actions.includes(x)) || a.probes.some((x) => b.probes.includes(x));
}

/** Stem of a word as the linker reads it; exported for word lists kept elsewhere. */
export { stemOf };
