/** A command line of the lobby and host screens: the line editor's state, current between renders. */
import { useRef, useState } from 'react';
import { emptyLine, lineReducer, type LineAction, type LineState } from '../line-editor';

export interface EditedLine {
  /** The line as of this render. */
  readonly state: LineState;
  /** The text as of the latest keypress, which may be ahead of `state`. */
  text(): string;
  edit(action: LineAction): void;
}

/** A line editor whose text is current even when several keypresses arrive before React renders again. */
export function useLine(): EditedLine {
  const ref = useRef(emptyLine);
  const [state, setState] = useState(emptyLine);
  const edit = (a: LineAction): void => {
    ref.current = lineReducer(ref.current, a);
    setState(ref.current);
  };
  return { state, text: () => ref.current.text, edit };
}
