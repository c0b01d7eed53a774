/** Commands: the one input type that people, bots, scripts and the network all send to a drill. */
import type { Severity } from '../scenario/types';
import type { Role } from './roles';

/** A participant command, parsed from chat-ops text such as `/assign @carol check the disk in 5m`. */
export type Command =
  | { readonly kind: 'ack'; readonly taskId?: string }
  | { readonly kind: 'trigger'; readonly text: string }
  | { readonly kind: 'join'; readonly text: string }
  | { readonly kind: 'ic'; readonly text: string }
  | { readonly kind: 'appoint'; readonly appointments: readonly Appointment[] }
  | { readonly kind: 'sev'; readonly level: Severity; readonly note?: string }
  | {
      readonly kind: 'assign';
      /** Everyone the task was given to: one name by the book, several when the IC named more. */
      readonly owners: readonly string[];
      /** Set when the task went to a group ("someone", "everyone") rather than a person. */
      readonly group?: string;
      readonly task: string;
      readonly timeboxMs: number | null;
      /** A phrase that looked like a time box but could not be read, so the IC can be told. */
      readonly unreadTimebox?: string;
    }
  | { readonly kind: 'wilco'; readonly taskId?: string }
  | { readonly kind: 'report'; readonly text: string; readonly taskId?: string }
  | { readonly kind: 'more'; readonly ms: number; readonly taskId?: string }
  | { readonly kind: 'check'; readonly probe: string }
  | { readonly kind: 'run'; readonly action: string }
  | { readonly kind: 'poll'; readonly proposal: string }
  | { readonly kind: 'object'; readonly text: string }
  | { readonly kind: 'decide'; readonly text: string }
  | { readonly kind: 'status'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'todo'; readonly text: string }
  | { readonly kind: 'draft'; readonly text: string }
  | { readonly kind: 'approve'; readonly draftId?: string }
  | { readonly kind: 'post'; readonly draftId?: string }
  | { readonly kind: 'page'; readonly team: string }
  | { readonly kind: 'handover'; readonly target: string }
  | { readonly kind: 'resolve' }
  | { readonly kind: 'end' }
  | {
      readonly kind: 'postmortem';
      readonly owner: string;
      /** Everyone named, when the IC named more than one (the process wants one owner). */
      readonly owners?: readonly string[];
      readonly due?: string;
    }
  /** v2: an answer to a question inject (`question` absent: the latest one still open). */
  | { readonly kind: 'answer'; readonly question?: string; readonly text: string }
  | { readonly kind: 'say'; readonly text: string };

export type CommandKind = Command['kind'];

/** One person named to one role by /appoint. */
export interface Appointment {
  readonly target: string;
  readonly role: Role;
}

/** What the parser needs to know about the drill to check names. */
export interface CommandVocabulary {
  readonly people: readonly string[];
  readonly probes: readonly string[];
  readonly actions: readonly string[];
  readonly teams: readonly string[];
  /** v2: the ids of the questions asked so far (what /answer can name). */
  readonly questions?: readonly string[];
}

/** A command that could not be parsed: the message and, where one is close, a suggestion. */
export interface CommandError {
  readonly error: string;
  readonly suggestion?: string;
}

/** One-line usage for each command, for errors, help and inline hints in the UI. */
export const COMMAND_USAGE: Readonly<Record<Exclude<CommandKind, 'say'>, string>> = {
  ack: '/ack [T#] — acknowledge your page (or your task)',
  trigger: '/trigger [text] — start the incident response (pages an Incident Commander)',
  join: '/join [system] — join the incident call and say what you cover',
  ic: '/ic — take command: "I am the Incident Commander"',
  appoint: '/appoint @name ROLE [and @name ROLE] — IC names a scribe, deputy or liaison',
  sev: '/sev SEV-n — IC declares the severity',
  assign: '/assign @name TASK in Nm — IC gives one person a task with a time box',
  wilco: '/wilco [T#] — acknowledge your task',
  report: '/report [T#] TEXT — report back on your task',
  more: '/more Nm [T#] — ask for more time, with an estimate',
  check: '/check PROBE — look at logs or metrics (diagnostic)',
  run: '/run ACTION — change the system (remediation)',
  poll: '/poll PROPOSAL — IC asks for strong objections',
  object: '/object TEXT — raise a strong objection during a poll',
  decide: '/decide TEXT — IC records the decision',
  status: '/status TEXT — IC status update',
  note: '/note TEXT — scribe timeline entry',
  todo: '/todo TEXT — scribe follow-up item',
  draft: '/draft TEXT — customer liaison drafts an external message',
  approve: '/approve [D#] — IC approves a draft',
  post: '/post [D#] — publish an approved draft',
  page: '/page TEAM — page a team\'s on-call',
  handover: '/handover @name — IC hands command to someone else',
  resolve: '/resolve — IC declares the incident resolved',
  end: '/end — IC ends the call',
  postmortem: '/postmortem @name [by DATE] — IC names the postmortem owner and when it is due',
  answer: '/answer [QUESTION] yes|no|TEXT — answer a question put to the call (the latest open one when no id is given)',
};

/** Every slash command name, for completion and did-you-mean. */
export const COMMAND_NAMES = Object.keys(COMMAND_USAGE) as Exclude<CommandKind, 'say'>[];
