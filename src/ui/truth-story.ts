/** The hidden story of the drill as the facilitator console shows it, whatever shape the facilitator's view gives it. */
import { stripControl } from '../engine/sanitize';

/**
 * The story's lines from the facilitator's truth, if it has one: a text, or a list of texts (or of items with a
 * text). Read defensively: the view's truth may not carry a story at all.
 */
export function storyLines(truth: object | undefined): string[] {
  const story: unknown = truth && 'story' in truth ? (truth as { story: unknown }).story : undefined;
  const text = (x: unknown): string | undefined =>
    typeof x === 'string' ? x : x && typeof x === 'object' && 'text' in x && typeof x.text === 'string' ? x.text : undefined;
  const items = Array.isArray(story) ? story.map(text) : [text(story)];
  return items.filter((x): x is string => !!x && x.trim() !== '').map((x) => stripControl(x));
}
