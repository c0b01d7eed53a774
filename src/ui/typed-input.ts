/** A chunk of typed input: a paste (or a fast terminal) can bring several keys at once, line breaks among them. */

/** Feeds a chunk to a line: text is inserted, and each line break enters the line so far. */
export function typeChunk(input: string, insert: (text: string) => void, enter: () => void): void {
  for (const part of input.split(/(\r\n|\r|\n)/)) {
    if (/^[\r\n]+$/.test(part)) enter();
    else if (part) insert(part);
  }
}
