/** Semantic colours for terminal output (ok, warn, bad, dim, heading, accent), switched off by NO_COLOR or a non-TTY. */

/** What a piece of text means; the palette decides how that looks. */
export type StyleToken = 'ok' | 'warn' | 'bad' | 'dim' | 'heading' | 'accent';

// The only place colour codes live: SGR open and close sequences per token. Each closes with its own
// reset so nesting one token inside another does not leave the terminal coloured.
const PALETTE: Readonly<Record<StyleToken, readonly [open: string, close: string]>> = {
  ok: ['\u001b[32m', '\u001b[39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  bad: ['\u001b[31m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  heading: ['\u001b[1m', '\u001b[22m'],
  accent: ['\u001b[36m', '\u001b[39m'],
};

// The palette's codes, and nothing else: what output.ts lets through when a style is on.
const escapeRe = (code: string) => code.replace(/[[\]\\]/g, '\\$&');
const OWN_CODES_RE = new RegExp(`(${[...new Set(Object.values(PALETTE).flat())].map(escapeRe).join('|')})`);

/**
 * Styled text with everything but this module's own colour codes cleaned by `clean`: the codes are kept as they
 * are, and the text between them is cleaned piece by piece. Styled printers clean the data they style first, so
 * the only codes here are the ones `terminalStyle` added.
 */
export function withoutForeignCodes(text: string, clean: (text: string) => string): string {
  // split with a capture group puts the codes at the odd indices.
  return text.split(OWN_CODES_RE).map((part, i) => (i % 2 === 1 ? part : clean(part))).join('');
}

/** Functions that wrap text in each token's style (or return it unchanged when colour is off). */
export type Style = Readonly<Record<StyleToken, (text: string) => string>> & { readonly enabled: boolean };

/**
 * Whether to colour output: never when NO_COLOR is set to anything non-empty (https://no-color.org) or
 * TERM is `dumb`; otherwise FORCE_COLOR (other than 0/false) turns it on, e.g. when piping into `less -R`;
 * otherwise only when the stream is a terminal.
 */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env, stream: { isTTY?: boolean } = process.stdout): boolean {
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true;
}

/** A style with colour on or off (by default decided from the environment and stdout). */
export function terminalStyle(enabled: boolean = colorEnabled()): Style {
  const wrap = (token: StyleToken) => (text: string) => {
    if (!enabled || text === '') return text;
    const [open, close] = PALETTE[token];
    return `${open}${text}${close}`;
  };
  return {
    enabled,
    ok: wrap('ok'), warn: wrap('warn'), bad: wrap('bad'), dim: wrap('dim'), heading: wrap('heading'), accent: wrap('accent'),
  };
}

/** The visible width of styled text: its length without the colour codes this module adds. */
export function visibleLength(text: string): number {
  return text.replace(/\u001b\[\d+m/g, '').length;
}

/** Pads styled text to a visible width (padEnd would count the colour codes). */
export function padVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
