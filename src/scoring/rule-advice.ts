/**
 * What to do differently next time, per rule: the postmortem's process action items say what to change and how
 * often it went wrong ("assign with a time box: 3 tasks had none"), where a rule's title only says what the rule is.
 */
import { plural } from './markdown-text';
import type { RuleResult } from './types';

interface Advice {
  /** What to do, in the imperative. */
  readonly change: string;
  /** What went wrong, with how many times: n is the number of violations (each rule counts one kind of thing). */
  readonly seen: (n: number) => string;
}

/** "once", "twice", "3 times". */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

const was = (n: number): string => (n === 1 ? 'was' : 'were');

// Keyed by rule id; each `seen` counts the thing that rule's check makes one violation of (src/scoring/rules/).
const ADVICE: Readonly<Record<string, Advice>> = {
  'RD-01': { change: 'take command within minutes of the trigger and announce it by name ("This is NAME, I am the Incident Commander")', seen: (n) => `command came late or unannounced ${times(n)}` },
  'RD-02': { change: 'change command only by a handover (/handover @name)', seen: (n) => `someone tried to take command from the IC ${times(n)}` },
  'RD-04': { change: 'page an Incident Commander as soon as people gather without one (/trigger)', seen: (n) => `the team carried on without an IC ${times(n)}` },
  'RD-05': { change: 'name a Deputy and a Scribe right after taking command (/appoint @name scribe)', seen: (n) => `${plural(n, 'staff role')} ${was(n)} named late or not at all` },
  'RD-06': { change: 'say who you are and what you cover when you join ("carol here, orders-api")', seen: (n) => `${plural(n, 'person', 'people')} took part without doing so` },
  'RD-07': { change: 'keep the IC hands-off and give checks and fixes to responders', seen: (n) => `the IC checked or changed the system ${times(n)}` },
  'RD-08': { change: 'keep the Deputy and the Scribe hands-off and leave checks and fixes to responders', seen: (n) => `they checked or changed the system ${times(n)}` },
  'RD-09': { change: 'give every task to one named person, never "can someone..."', seen: (n) => `${plural(n, 'task')} had no single owner` },
  'RD-10': { change: 'assign with a time box ("@carol check the disk in 5m")', seen: (n) => `${plural(n, 'task')} had none` },
  'RD-11': { change: 'acknowledge an assignment within a minute (/wilco)', seen: (n) => `${plural(n, 'assignment')} ${was(n)} acknowledged late or never` },
  'RD-12': { change: 'follow up the moment a time box runs out', seen: (n) => `${plural(n, 'time box', 'time boxes')} ran out with no follow-up` },
  'RD-13': { change: 'report by the deadline, or ask for more time with an estimate (/more 5m)', seen: (n) => `${plural(n, 'task')} ran out with neither` },
  'RD-14': { change: 'as Deputy, call out the elapsed time every 10 minutes and each time box that runs out', seen: (n) => `${plural(n, 'callout')} ${was(n)} missed` },
  'RD-15': { change: 'change the system only on an assignment from the IC', seen: (n) => `${plural(n, 'change')} ${was(n)} made without one` },
  'RD-16': { change: 'join only when paged or asked', seen: (n) => `${plural(n, 'person', 'people')} joined unasked` },
  'RD-17': { change: "work only your own tasks; offer help to the IC instead of taking someone else's", seen: (n) => `${plural(n, 'check or change', 'checks or changes')} ${was(n)} on another person's task` },
  'RD-18': { change: 'poll for strong objections, and wait for them, before every major action', seen: (n) => `${plural(n, 'major decision')} went ahead without a proper poll` },
  'RD-20': { change: 'give status updates on a steady rhythm', seen: (n) => `${plural(n, 'gap')} between updates ${was(n)} too long` },
  'RD-21': { change: 'declare the severity before the first status update, and never lower it before mitigation', seen: (n) => `severity came late, never or went down early ${times(n)}` },
  'RD-22': { change: 'declare at least the severity the impact calls for; if unsure, the higher one', seen: (n) => `severity was set too low ${times(n)}` },
  'RD-23': { change: 'keep direct reports to about seven: split the response into sub-teams with leads', seen: (n) => `too many people reported to the IC ${times(n)}` },
  'RD-25': { change: 'at a handover, the new IC announces within a minute and the old one steps back', seen: (n) => `${plural(n, 'handover')} ${was(n)} untidy` },
  'RD-26': { change: 'hand over command about every hour', seen: (n) => `command was held too long ${times(n)}` },
  'RD-27': { change: 'answer an executive who interrupts: offer command, or ask to keep comments to the end', seen: (n) => `${plural(n, 'interruption')} went unanswered` },
  'RD-30': { change: 'as Scribe, log every decision, assignment and status update within two minutes (/note)', seen: (n) => `${plural(n, 'key event')} ${was(n)} not logged in time` },
  'RD-31': { change: 'as Scribe, write follow-ups down as TODOs (/todo)', seen: (n) => `${plural(n, 'follow-up')} ${was(n)} not recorded` },
  'RD-33': { change: 'post to customers only a draft the IC approved (/approve D1, then /post)', seen: (n) => `${plural(n, 'post')} went out without approval` },
  'RD-34': { change: 'post to customers within 5 minutes of the call starting, then at least every 20 minutes', seen: (n) => `${plural(n, 'post')} ${was(n)} late or missing` },
  'RD-35': { change: 'keep fix times and internal detail out of public messages', seen: (n) => `${plural(n, 'message')} promised a time or named an internal host` },
  'RD-36': { change: 'as Customer Liaison, pass every customer report to the IC', seen: (n) => `${plural(n, 'report')} ${was(n)} not passed on` },
  'RD-38': { change: "acknowledge only your own pages; add a note to someone else's", seen: (n) => `${plural(n, 'alert')} ${was(n)} acknowledged by someone it did not page` },
  'RD-39': { change: 'end cleanly: resolve, end the call, and name one postmortem owner with a due date (/postmortem @name by DATE)', seen: (n) => `${plural(n, 'step')} ${was(n)} missed` },
};

/**
 * The action item for a violated rule: what to do differently and how often it went wrong. A rule this version has
 * no advice for (a newer scorecard) falls back to its title.
 */
export function ruleAdvice(rule: Pick<RuleResult, 'id' | 'title' | 'violations'>): string {
  const n = rule.violations.length;
  const advice = Object.hasOwn(ADVICE, rule.id) ? ADVICE[rule.id] : undefined;
  if (!advice) return `${rule.title}${n ? `: not kept ${times(n)}` : ''}`;
  const text = n ? `${advice.change}: ${advice.seen(n)}` : advice.change;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rule ids that have advice (tests check every shipped rule has some). */
export function advisedRules(): string[] {
  return Object.keys(ADVICE);
}
