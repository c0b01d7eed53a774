/**
 * Chat read the way a facilitator reads the channel. People often say in plain words what a command
 * would record: "This is Dave, I am now the Incident Commander", "Any strong objections?", "Status: …",
 * "on it", "need 5 more minutes". Such a line is recorded as that command, so the journal, the
 * score and the screen agree with what everyone on the call understood.
 */
import type { Command } from './command';
import { linkIntent } from './intent/link';
import type { Role } from './roles';
import { splitTimebox } from './timebox';
import {
  approvesDraft, claimsCommand, declaredSeverity, identifiesSelf, isAcknowledgement, looksLikeDecision, looksLikePoll,
  moreTimeMs, statusUpdateText,
} from './intent/phrases';
import type { Scenario, Severity } from '../scenario/types';
import { escapeRe } from './intent/escape-re';

/** What the reader needs to know about the speaker and the drill at this moment. */
export interface ChatContext {
  readonly actor: string;
  /** The role the speaker acts in now. */
  readonly role: Role;
  /** Everyone in the drill, for lines addressed to someone ("Kofi, please ..."). */
  readonly people: readonly string[];
  readonly scenario: Pick<Scenario, 'actions' | 'probes' | 'services'>;
  readonly isIc: boolean;
  /** Whether anyone holds command. */
  readonly hasIc: boolean;
  /** Whether the speaker, holding command, has announced it themselves. */
  readonly icAnnounced: boolean;
  readonly joined: boolean;
  readonly severity?: Severity;
  readonly hasUnackedTask: boolean;
  readonly hasOpenTask: boolean;
  readonly draftWaiting: boolean;
  readonly pollUndecided: boolean;
  /** The actions the undecided poll is about. */
  readonly pollActions: readonly string[];
}

/** How a chat line is recorded: as a command instead of chat, and/or with commands it also means. */
export interface ChatReading {
  /** The line is this command (recorded instead of a chat line). */
  readonly instead?: Command;
  /** The line stays chat and also means these. */
  readonly also: readonly Command[];
}

const LEVEL = (s: string): number => Number(s.replace(/\D/g, '')) || 9;
const REPORT_RE = /^\s*(T\d+)\s*[:,.\-–—]\s*(\S[\s\S]*)$/i;
// "Failover done: db-2 is the primary", "Done. db-2 is primary", "rollback is finished, errors normal".
const DONE_RE = /^\s*(?:(?:ok(?:ay)?|update|fyi)[,:]?\s+)?(?:(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:is\s+|are\s+|has\s+been\s+)?)?(?:done|finished|complete(?:d)?|all\s+done)\b\s*(?:[:.,!;—–-]|$)/i;
const DRAFT_RE = /\b(D\d+)\b/i;
const TASK_ID_RE = /\b(T\d+)\b/i;
// "No strong objections, so we'll fail over", "OK, nobody objects. Go ahead with the failover."
const NO_OBJECTION_RE = /\b(?:no(?:body|\s+one)\s+(?:(?:strongly|really)\s+)?objects?|no\s+(?:(?:strong|major|real)\s+)?objections?|none\s+heard|hearing\s+none|go(?:ing)?\s+ahead\s+with)\b/i;
const WILL_DO_RE = /\b(?:we'll|we\s+will|we're\s+going\s+to|let's|lets|go(?:ing)?\s+ahead)\b/i;
// The protocol's own assignment: "Kofi, please check the disk; I'll come back to you in 5 minutes. Understood?"
const CLOSING_RE = /[\s.;,!]*(?:understood|ok|okay|got\s+(?:it|that)|clear|thanks?|thank\s+you|cheers)\s*[?.!]*\s*$/i;
const COME_BACK_RE = /[\s;,.—–-]*(?:and\s+)?(?:i'll|i\s+will|i'm\s+going\s+to)\s+(?:come|check|get|circle)\s+back(?:\s+to\s+you)?\s*$/i;
const POSTMORTEM_RE = /\bpost[\s-]?mortem\b/i;
const OWNS_RE = /\bown(?:s|er|ing)?\b/i;
const DUE_RE = /\b(?:due|by|before)\s+(?:on\s+)?([^.,;!]+)/i;
const CHAT_DRAFT_RE = /^\s*(?:new\s+|updated\s+|proposed\s+)?draft\b[^:]{0,40}:\s*(\S[\s\S]*)$/i;


/** The person a line opens by addressing ("Kofi, ...", "@kofi: ..."), and the rest of the line. */
function addressed(text: string, people: readonly string[]): { person: string; rest: string } | undefined {
  const head = text.trimStart().replace(/^@/, '').toLowerCase();
  for (const p of [...people].sort((a, b) => b.length - a.length)) {
    // Most lines open with no name at all: a plain prefix test comes before the regex.
    if (!head.startsWith(p.toLowerCase())) continue;
    // "Kofi, ...", "kofi: ...", or "@kofi ..." (an @mention needs no comma).
    const m = new RegExp(`^\\s*(?:@${escapeRe(p)}\\s*[,:—–-]?|${escapeRe(p)}\\s*[,:—–-])\\s*(\\S[\\s\\S]*)$`, 'i').exec(text);
    if (m) return { person: p, rest: m[1]! };
  }
  return undefined;
}

/** "Kofi, please repair WAL archiving, report back in 3": an assignment, when it carries a time box. */
function chatAssignment(text: string, ctx: ChatContext): Command | undefined {
  const to = addressed(text, ctx.people.filter((p) => p !== ctx.actor));
  if (!to) return undefined;
  const split = splitTimebox(to.rest.replace(CLOSING_RE, ''));
  if (split.timeboxMs === null || split.timeboxMs <= 0) return undefined;
  const task = split.task.replace(COME_BACK_RE, '').replace(/^(?:please|pls|can\s+you|could\s+you|would\s+you)\s+/i, '').trim();
  return task === '' ? undefined : { kind: 'assign', owners: [to.person], task, timeboxMs: split.timeboxMs };
}

/** "Kofi, you own the postmortem, due Monday" names the postmortem owner. */
function chatPostmortem(text: string, ctx: ChatContext): Command | undefined {
  if (!POSTMORTEM_RE.test(text) || !OWNS_RE.test(text)) return undefined;
  const owner = ctx.people.find((p) => new RegExp(`(?<![\\w-])@?${escapeRe(p)}(?![\\w-])`, 'i').test(text));
  if (!owner) return undefined;
  const due = DUE_RE.exec(text)?.[1]?.trim();
  return due ? { kind: 'postmortem', owner, due } : { kind: 'postmortem', owner };
}

/** The IC's own words: status, poll, decision, approval, severity. */
function readCommander(text: string, ctx: ChatContext): ChatReading | undefined {
  const status = statusUpdateText(text);
  if (status !== undefined) {
    // A status that states a higher severity than declared raises it; lowering takes /sev (RD-21).
    const level = declaredSeverity(text) ?? (/\bSEV[\s-]?([1-5])\b/i.exec(text) ? (`SEV-${/\bSEV[\s-]?([1-5])\b/i.exec(text)![1]}` as Severity) : undefined);
    const raise = level !== undefined && (ctx.severity === undefined || LEVEL(level) < LEVEL(ctx.severity));
    return { instead: { kind: 'status', text: status || text }, also: raise ? [{ kind: 'sev', level }] : [] };
  }
  if (looksLikePoll(text)) return { instead: { kind: 'poll', proposal: text }, also: [] };
  const actions = linkIntent(text, ctx.scenario).actions;
  if (looksLikeDecision(text) && (ctx.pollUndecided || actions.length > 0)) return { instead: { kind: 'decide', text }, also: [] };
  // With a poll open, "nobody objects" or "we'll do what was proposed" settles it.
  if (ctx.pollUndecided && !/\?\s*$/.test(text) && (NO_OBJECTION_RE.test(text) || (WILL_DO_RE.test(text) && actions.some((a) => ctx.pollActions.includes(a))))) {
    return { instead: { kind: 'decide', text }, also: [] };
  }
  const assignment = chatAssignment(text, ctx);
  if (assignment) return { instead: assignment, also: [] };
  const postmortem = chatPostmortem(text, ctx);
  if (postmortem) return { instead: postmortem, also: [] };
  if (ctx.draftWaiting && approvesDraft(text)) {
    const id = DRAFT_RE.exec(text)?.[1]?.toUpperCase();
    return { instead: id ? { kind: 'approve', draftId: id } : { kind: 'approve' }, also: [] };
  }
  const level = declaredSeverity(text);
  if (level !== undefined && level !== ctx.severity) return { also: [{ kind: 'sev', level }] };
  return undefined;
}

/** Reads one chat line; most lines are just chat (`also` empty, no `instead`). */
export function readChat(text: string, ctx: ChatContext): ChatReading {
  if (claimsCommand(text)) {
    if (!ctx.hasIc || (ctx.isIc && !ctx.icAnnounced)) return { instead: { kind: 'ic', text }, also: [] };
    // Claiming command while someone else holds it is said for all to hear, and recorded as the attempt it is (RD-02).
    if (!ctx.isIc) return { also: [{ kind: 'ic', text }] };
  }
  if (!ctx.joined && !ctx.isIc && identifiesSelf(text, ctx.actor)) return { instead: { kind: 'join', text }, also: [] };
  if (ctx.isIc) {
    const r = readCommander(text, ctx);
    if (r) return r;
  }
  const report = ctx.hasOpenTask ? REPORT_RE.exec(text) : null;
  if (report) return { instead: { kind: 'report', taskId: report[1]!.toUpperCase(), text: report[2]!.trim() }, also: [] };
  if (ctx.hasOpenTask && !/\?\s*$/.test(text) && DONE_RE.test(text)) {
    const id = TASK_ID_RE.exec(text)?.[1]?.toUpperCase();
    return { instead: id ? { kind: 'report', taskId: id, text } : { kind: 'report', text }, also: [] };
  }
  const draft = ctx.role === 'customer-liaison' ? CHAT_DRAFT_RE.exec(text) : null;
  if (draft) return { instead: { kind: 'draft', text: draft[1]!.trim() }, also: [] };
  const also: Command[] = [];
  if (ctx.hasUnackedTask && isAcknowledgement(text)) {
    const id = /\b(T\d+)\b/i.exec(text)?.[1]?.toUpperCase();
    also.push(id ? { kind: 'wilco', taskId: id } : { kind: 'wilco' });
  }
  const more = ctx.hasOpenTask ? moreTimeMs(text) : undefined;
  if (more !== undefined && more > 0) {
    const id = TASK_ID_RE.exec(text)?.[1]?.toUpperCase();
    also.push(id ? { kind: 'more', ms: more, taskId: id } : { kind: 'more', ms: more });
  }
  return { also };
}
