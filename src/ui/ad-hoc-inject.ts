/** The facilitator's ad-hoc inject as typed on the host console: "SPEAKER: TEXT". */

/** How an ad-hoc inject is written, for the hint when a line is not one. */
export const SAY_FORM = 'an inject is SPEAKER: TEXT, e.g. Priya (Customer Support): customers are posting screenshots';

/** Reads "Priya (Customer Support): customers are posting screenshots" as speaker and text, or says what is wrong. */
export function parseSay(line: string): { readonly speaker: string; readonly text: string } | string {
  const at = line.indexOf(': ');
  if (at < 0) return SAY_FORM;
  const speaker = line.slice(0, at).trim();
  const text = line.slice(at + 2).trim();
  if (!speaker) return `who says it? ${SAY_FORM}`;
  if (!text) return `what does ${speaker} say? ${SAY_FORM}`;
  return { speaker, text };
}
