/** Tab completion for the command line: commands, @names, probe ids, action ids (in tasks, polls and decisions), teams and roles. */
import { COMMAND_NAMES, type CommandVocabulary } from '../engine/command';

/** What completion offers: the names commands accept, plus the roles /appoint takes. */
export interface CompletionVocabulary extends CommandVocabulary {
  readonly roles: readonly string[];
  /** Each person's seat as the candidates show it beside their name ("scribe", "deputy,scribe", "responder · dba"). */
  readonly seats?: Readonly<Record<string, string>>;
}

export interface Completion {
  /** The line after completing (unchanged when nothing matches). */
  readonly text: string;
  /** Every candidate for the word being completed, for the hint line. */
  readonly candidates: readonly string[];
}

function commonPrefix(words: readonly string[]): string {
  if (!words.length) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates for the last word of a line, given the command it belongs to. */
export function candidatesFor(text: string, v: CompletionVocabulary): { prefix: string; options: string[] } {
  const words = text.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const cmd = words[0]?.toLowerCase() ?? '';
  if (words.length === 1 && last.startsWith('/')) return { prefix: last, options: COMMAND_NAMES.map((c) => `/${c}`) };
  if (last.startsWith('@')) return { prefix: last, options: v.people.map((p) => `@${p}`) };
  if (words.length === 2) {
    if (cmd === '/check') return { prefix: last, options: [...v.probes] };
    if (cmd === '/run') return { prefix: last, options: [...v.actions] };
    if (cmd === '/page') return { prefix: last, options: [...v.teams] };
    if (cmd === '/answer') return { prefix: last, options: [...v.questions ?? []] };
    if (['/assign', '/appoint', '/handover', '/postmortem'].includes(cmd)) return { prefix: last, options: v.people.map((p) => `@${p}`) };
  }
  if (words.length === 3 && cmd === '/appoint') return { prefix: last, options: [...v.roles] };
  if (words.length >= 3 && cmd === '/assign') return { prefix: last, options: [...v.probes, ...v.actions] };
  // A poll or decision that names its action is what ties the later /run to it (RD-18), so offer the ids.
  if (words.length >= 2 && (cmd === '/poll' || cmd === '/decide')) return { prefix: last, options: [...v.actions] };
  return { prefix: last, options: [] };
}

/** Completes the last word of the line as far as the candidates agree. */
export function complete(text: string, v: CompletionVocabulary): Completion {
  const { prefix, options } = candidatesFor(text, v);
  // "/assign bo" completes to "@bob" too: a person's name may be typed without the @.
  const wanted = (o: string) => o.toLowerCase().startsWith(prefix.toLowerCase()) || (o.startsWith('@') && !prefix.startsWith('@') && o.slice(1).toLowerCase().startsWith(prefix.toLowerCase()));
  const matches = options.filter(wanted);
  if (!matches.length) return { text, candidates: [] };
  const head = text.slice(0, text.length - prefix.length);
  if (matches.length === 1) return { text: `${head}${matches[0]} `, candidates: matches };
  const common = commonPrefix(matches);
  return { text: common.length > prefix.length ? head + common : text, candidates: matches };
}

/** The line after Tab with the cursor where Tab left it. */
export interface CompletionAt extends Completion {
  readonly cursor: number;
}

/**
 * Completes the word at the cursor (the part before the cursor is what is matched; a word completed whole replaces
 * the rest of it), keeping the text after it. A completed word is followed by exactly one space: none is added before
 * a space that is already there, so Tab never leaves two.
 */
export function completeAt(line: { readonly text: string; readonly cursor: number }, v: CompletionVocabulary): CompletionAt {
  const before = line.text.slice(0, line.cursor);
  const c = complete(before, v);
  if (c.text === before) return { ...c, text: line.text, cursor: line.cursor };
  // A word completed whole replaces the rest of the word under the cursor: Tab in "/as|sign" gives "/assign".
  const after = c.candidates.length === 1 ? line.text.slice(line.cursor).replace(/^\S+/, '') : line.text.slice(line.cursor);
  const head = c.text.endsWith(' ') && /^\s/.test(after) ? c.text.slice(0, -1) : c.text;
  const cursor = head.length + (head === c.text ? 0 : 1);
  return { text: head + after, cursor, candidates: c.candidates };
}

/** Candidates as the hint row shows them: a person with their seat ("@carol (scribe)"), so the IC can tell the deputy from the scribe. */
export function candidateLabels(candidates: readonly string[], v: CompletionVocabulary): string[] {
  return candidates.map((c) => {
    const seat = c.startsWith('@') ? v.seats?.[c.slice(1)] : undefined;
    return seat ? `${c} (${seat})` : c;
  });
}
