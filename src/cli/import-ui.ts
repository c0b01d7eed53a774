/** Loading the terminal UI: cheaply, and as an interactive app even where a CI variable is set. */

const CI_VARS = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Imports UI modules with two things hidden while they load:
 * - the global fetch: Ink's layout engine (yoga, compiled to WebAssembly) would otherwise fetch its own
 *   embedded data: URL, which makes Node load its whole HTTP client (about 35 ms of a ~150 ms start);
 * - CI and CONTINUOUS_INTEGRATION: Ink reads them once at import and then draws only a final frame. The
 *   commands that load the UI have already checked that they talk to a terminal, so a person is there.
 */
export async function importUi<T>(load: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (saved) delete (globalThis as { fetch?: unknown }).fetch;
  const env: Partial<Record<(typeof CI_VARS)[number], string>> = {};
  for (const k of CI_VARS) {
    if (k in process.env) {
      env[k] = process.env[k];
      delete process.env[k];
    }
  }
  try {
    return await load();
  } finally {
    if (saved) Object.defineProperty(globalThis, 'fetch', saved);
    Object.assign(process.env, env);
  }
}
