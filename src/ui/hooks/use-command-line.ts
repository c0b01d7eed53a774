/** The speaker's command line: editing, Tab completion, and sending what they enter to the drill. */
import { useRef, useState } from 'react';
import { SEATS } from '../../engine/roles';
import { candidateLabels, completeAt, type CompletionVocabulary } from '../completion';
import type { DrillStore } from '../drill-store';
import { emptyLine, lineReducer, type LineAction, type LineState } from '../line-editor';
import { seatLabels } from '../seat-label';

export interface CommandLine {
  /** The line as of this render. */
  readonly state: LineState;
  /** What the last Tab could complete to, when that was more than one thing, as the hint shows them ("@carol (scribe)"). */
  readonly candidates: readonly string[];
  /** The text as of the latest keypress, which may be ahead of `line`. */
  text(): string;
  edit(action: LineAction): void;
  /** Puts this text on the line and drops the candidates. */
  replace(text: string): void;
  complete(): void;
  submit(): void;
  /** Types a chunk of input: a paste (or a fast terminal) can bring several keys, so line breaks submit and tabs complete. */
  type(input: string): void;
}

export interface CommandLineEvents {
  /** `/help` or `/?` was entered. */
  readonly onHelp: () => void;
  /** A line was entered, sent or not. */
  readonly onEntered: () => void;
}

/** The command line's state and its edits; entered lines go to the store. */
export function useCommandLine(store: DrillStore, events: CommandLineEvents): CommandLine {
  // The line lives in a ref as well as state: several keypresses can arrive before React renders again.
  const lineRef = useRef(emptyLine);
  const [line, setLine] = useState(emptyLine);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const edit = (a: LineAction): void => {
    lineRef.current = lineReducer(lineRef.current, a);
    setLine(lineRef.current);
  };
  const completeLine = (): void => {
    const view = store.view();
    const vocabulary: CompletionVocabulary = { ...view.vocabulary, roles: SEATS, seats: seatLabels(view.people) };
    const c = completeAt(lineRef.current, vocabulary);
    edit({ type: 'replace', text: c.text, cursor: c.cursor });
    setCandidates(c.candidates.length > 1 ? candidateLabels(c.candidates, vocabulary) : []);
  };
  const submit = (): void => {
    const text = lineRef.current.text.trim();
    if (text === '/help' || text === '/?') events.onHelp();
    else if (text) store.send(text);
    edit({ type: 'submit' });
    setCandidates([]);
    events.onEntered();
  };
  const type = (input: string): void => {
    setCandidates([]);
    for (const part of input.split(/(\r\n|\r|\n|\t)/)) {
      if (part === '\t') completeLine();
      else if (/^[\r\n]+$/.test(part)) submit();
      else if (part) edit({ type: 'insert', text: part });
    }
  };
  const replace = (text: string): void => {
    edit({ type: 'replace', text });
    setCandidates([]);
  };
  return { state: line, candidates, text: () => lineRef.current.text, edit, replace, complete: completeLine, submit, type };
}
