/** Writes the scorecard files into a run folder at the end of a drill. */
import { join } from 'node:path';
import type { JournalEvent, JournalHeader } from '../engine/journal';
import { writeTextFile } from '../io/file-system';
import type { Scenario } from '../scenario/types';
import { postmortemMarkdown } from '../scoring/postmortem';
import { score } from '../scoring/score';
import { scorecardMarkdown } from '../scoring/scorecard-markdown';
import type { Scorecard } from '../scoring/types';

/** Scores the drill and writes scorecard.json, scorecard.md and postmortem.md into the run folder. */
export function writeScorecard(dir: string, scenario: Scenario, header: JournalHeader, events: readonly JournalEvent[]): Scorecard {
  const card = score(scenario, header, events);
  writeTextFile(join(dir, 'scorecard.json'), `${JSON.stringify(card, null, 2)}\n`);
  writeTextFile(join(dir, 'scorecard.md'), scorecardMarkdown(card));
  writeTextFile(join(dir, 'postmortem.md'), postmortemMarkdown(card, scenario));
  return card;
}
