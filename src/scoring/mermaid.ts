/** Text for Mermaid charts in Markdown: names and ids from people and files, made unable to change the chart. */
import { stripControl } from '../engine/sanitize';
import { formatClock } from '../scenario/duration';

// Characters Mermaid's grammars read as syntax: a colon ends a gantt task's name, # starts an entity, ; ends a
// statement, %% starts a comment, quotes end a label, brackets a list, <> HTML, and a backtick could close the
// Markdown fence around the chart. Each is written as Mermaid's own entity code (#58; for ":"), which it decodes
// back into the character when it draws.
const SPECIAL = /[#:;%"`<>[\]{}|]/g;

/** One line of plain text, safe inside a Mermaid label, title or task name: no control, no syntax, at most `max` characters. */
export function mermaidText(text: string, max = 60): string {
  const flat = Array.from(stripControl(text).replace(/\s+/g, ' ').trim());
  const cut = flat.length > max ? `${flat.slice(0, max - 1).join('').trimEnd()}…` : flat.join('');
  return cut.replace(SPECIAL, (c) => `#${c.codePointAt(0)};`);
}

/** Drill time as the gantt charts' `dateFormat HH:mm:ss` reads it. */
export function ganttTime(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / 3_600_000);
  return `${String(hours).padStart(2, '0')}:${formatClock(Math.max(0, ms) - hours * 3_600_000)}`;
}

/** A fenced Mermaid block for Markdown. */
export function mermaidBlock(lines: readonly string[]): string[] {
  return ['```mermaid', ...lines, '```'];
}
