/**
 * Chat read the way a facilitator reads the channel. People often say in plain words what a command
 * would record: "This is Dave, I am now the Incident Commander", "Any strong objections?", "Status: …",
 * "on it", "need 5 more minutes". Such a line is recorded as that command, so the journal, the
 * score and the screen agree with what everyone on the call understood.
 */
import type { Command } from './command';
import { linkIntent } from './intent/link';
import {
  approvesDraft, claimsCommand, declaredSeverity, identifiesSelf, isAcknowledgement, looksLikeDecision, looksLikePoll,
  moreTimeMs, statusUpdateText,
} from './intent/phrases';
import type { Scenario, Severity } from '../scenario/types';

/** What the reader needs to know about the speaker and the drill at this moment. */
export interface ChatContext {
  readonly actor: string;
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
const DRAFT_RE = /\b(D\d+)\b/i;

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
  if (looksLikeDecision(text) && (ctx.pollUndecided || linkIntent(text, ctx.scenario).actions.length > 0)) {
    return { instead: { kind: 'decide', text }, also: [] };
  }
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
  }
  if (!ctx.joined && !ctx.isIc && identifiesSelf(text, ctx.actor)) return { instead: { kind: 'join', text }, also: [] };
  if (ctx.isIc) {
    const r = readCommander(text, ctx);
    if (r) return r;
  }
  const report = ctx.hasOpenTask ? REPORT_RE.exec(text) : null;
  if (report) return { instead: { kind: 'report', taskId: report[1]!.toUpperCase(), text: report[2]!.trim() }, also: [] };
  const also: Command[] = [];
  if (ctx.hasUnackedTask && isAcknowledgement(text)) {
    const id = /\b(T\d+)\b/i.exec(text)?.[1]?.toUpperCase();
    also.push(id ? { kind: 'wilco', taskId: id } : { kind: 'wilco' });
  }
  const more = ctx.hasOpenTask ? moreTimeMs(text) : undefined;
  if (more !== undefined && more > 0) also.push({ kind: 'more', ms: more });
  return { also };
}
