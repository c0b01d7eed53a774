/** Loading the terminal UI cheaply. */

/**
 * Imports the terminal UI with the global fetch hidden: Ink's layout engine (yoga, compiled to WebAssembly)
 * would otherwise fetch its own embedded data: URL, which makes Node load its whole HTTP client (about
 * 35 ms of a ~150 ms start). Without fetch it decodes the bytes directly.
 */
export async function importUi<T>(load: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (saved) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await load();
  } finally {
    if (saved) Object.defineProperty(globalThis, 'fetch', saved);
  }
}
