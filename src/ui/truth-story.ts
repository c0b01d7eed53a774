/** The hidden story of the drill as the facilitator console shows it. */
import { stripControl } from '../engine/sanitize';
import type { FacilitatorTruth } from '../engine/view/drill-view';

/** The current phase's story as lines: its description, then its impact, each when the scenario has one. */
export function storyLines(story: FacilitatorTruth['story']): string[] {
  const lines = [story?.description, story?.impact === undefined ? undefined : `Impact: ${story.impact}`];
  return lines.filter((x): x is string => x !== undefined && x.trim() !== '').map((x) => stripControl(x));
}
