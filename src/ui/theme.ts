/** Semantic colour tokens for the terminal UI; components never name raw colours. NO_COLOR turns colour off. */

export type Token =
  | 'text' | 'muted' | 'accent' | 'heading' | 'ok' | 'warn' | 'bad' | 'info'
  | 'ic' | 'scribe' | 'responder' | 'liaison' | 'system' | 'alert' | 'inject' | 'me'
  /** A private hint to the speaker (what a command kept, what to do next): not chat, not help. */
  | 'notice';

export interface Theme {
  readonly color: boolean;
  /** The Ink colour for a token, or undefined for the terminal default. */
  fg(token: Token): string | undefined;
}

const PALETTE: Readonly<Record<Token, string | undefined>> = {
  text: undefined, muted: 'gray', accent: 'cyan', heading: 'whiteBright', ok: 'green', warn: 'yellow', bad: 'red',
  info: 'blue', ic: 'magentaBright', scribe: 'cyan', responder: 'green', liaison: 'yellow', system: 'gray',
  alert: 'redBright', inject: 'yellow', me: 'cyanBright', notice: 'yellowBright',
};

/** Whether the environment asks for no colour (https://no-color.org: any non-empty NO_COLOR). */
export function noColorRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NO_COLOR ?? '') !== '';
}

/** The theme for an environment: the palette, or no colour at all. */
export function createTheme(color = !noColorRequested()): Theme {
  return { color, fg: (t) => (color ? PALETTE[t] : undefined) };
}

/** The token for a role's name in the channel and roster. */
export function roleToken(role: string): Token {
  if (role === 'ic') return 'ic';
  if (role === 'scribe' || role === 'deputy') return 'scribe';
  if (role === 'customer-liaison' || role === 'internal-liaison') return 'liaison';
  if (role === 'responder') return 'responder';
  return 'system';
}
