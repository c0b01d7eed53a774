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

/**
 * Resolves once a WebAssembly module starts compiling, or once `loading` settles. Ink's layout engine (yoga) is
 * WebAssembly: V8 compiles it on background threads while the main thread waits at the module's top-level await.
 * A command that has main-thread work to do (parsing the scenario) does it then, instead of before the UI's modules
 * have even loaded, so the two overlap. Install it before the import starts; it patches WebAssembly.instantiate
 * until the first call and puts it back.
 */
export function wasmCompiling(): { watch(loading: Promise<unknown>): Promise<void> } {
  // Node's types here have no DOM lib, so WebAssembly is reached through globalThis.
  const wasm = (globalThis as unknown as { WebAssembly: { instantiate: (...args: unknown[]) => unknown } }).WebAssembly;
  const original = wasm.instantiate;
  let resolve!: () => void;
  const started = new Promise<void>((r) => (resolve = r));
  const restore = (): void => {
    if (wasm.instantiate === patched) wasm.instantiate = original;
    resolve();
  };
  const patched = function (this: unknown, ...args: unknown[]): unknown {
    restore();
    return original.apply(this, args);
  };
  wasm.instantiate = patched;
  return {
    watch: (loading) => {
      loading.then(restore, restore);
      return started;
    },
  };
}
