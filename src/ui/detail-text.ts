/** The whole text of one channel entry, for the detail view: everything the channel line says, and all it leaves out. */
import { stripControl } from '../engine/sanitize';
import type { SeenEvent } from '../engine/view/visibility';
import { formatClock } from '../scenario/duration';
import type { ChannelLine } from './channel';

/** One entry in full: a heading (when, who, what kind) and its text as lines, each cleaned of control sequences. */
export interface EntryDetail {
  readonly heading: string;
  readonly lines: readonly string[];
}

const KIND_WORDS: Readonly<Record<ChannelLine['kind'], string>> = {
  chat: 'chat', system: 'system', alert: 'alert', page: 'page', inject: 'inject', error: 'error', result: 'check result',
  status: 'status update', note: 'scribe note', command: 'command',
};

/**
 * The detail of a channel line. A probe result lists every metric and log line it read (the channel shows the
 * finding and its figures); every other entry is its channel text, which is already whole.
 */
export function entryDetail(line: ChannelLine, event?: SeenEvent): EntryDetail {
  const who = line.kind === 'system' || line.kind === 'alert' || line.kind === 'page' ? '' : ` ${stripControl(line.who)}${line.role && line.role !== 'system' ? ` (${stripControl(line.role)})` : ''}`;
  const heading = `${line.story ? `${line.story} (T+${formatClock(line.atMs)})` : formatClock(line.atMs)}${who} · ${KIND_WORDS[line.kind]}${line.only ? ' · only you see this' : ''}`;
  if (event?.type === 'probe.result') {
    const d = event.data;
    const lines = [`${stripControl(d.probe)}: ${stripControl(d.text)}`];
    if (d.metrics.length) lines.push('', 'Metrics:', ...d.metrics.map((m) => `  ${m.label !== undefined ? `${stripControl(m.label)} (${stripControl(String(m.ref))})` : stripControl(String(m.ref))} = ${stripControl(String(m.value))}`));
    if (d.logs.length) lines.push('', 'Logs:', ...d.logs.map((l) => `  ${stripControl(l)}`));
    return { heading, lines };
  }
  return { heading, lines: line.text.split('\n').map(stripControl) };
}
