/**
 * Timeline entries as sentences for people to read. The scorecard keeps each entry's text as it was recorded (its
 * bytes are pinned), and two of those read wrongly: "bob appointed scribe" (bob was the one appointed) and, for a
 * player named "you" (run's default name), "you owns the postmortem". These say who did what to whom instead.
 */
import { roleTitle } from './labels';
import type { TimelineEntry } from './types';

const APPOINTED = /^(.*) appointed (\S+)$/s;
const OWNS_POSTMORTEM = /^(.*) owns the postmortem$/s;

/** The entry's text as a sentence: "alice appointed bob as Scribe", "alice made you the postmortem owner". */
export function timelineSentence(e: TimelineEntry): string {
  if (e.kind === 'role.appoint') {
    const m = APPOINTED.exec(e.text);
    if (m) return m[1] === e.actor ? `${e.actor} took the ${roleTitle(m[2] ?? '')} role` : `${e.actor} appointed ${m[1]} as ${roleTitle(m[2] ?? '')}`;
  }
  if (e.kind === 'pm.assign') {
    const m = OWNS_POSTMORTEM.exec(e.text);
    if (m) return m[1] === e.actor ? `${e.actor} took on the postmortem` : `${e.actor} made ${m[1]} the postmortem owner`;
  }
  return e.text || e.kind;
}
