// The run command parses its scenario while Ink's layout engine (WebAssembly) compiles: wasmCompiling tells when
// that compile starts, and leaves WebAssembly.instantiate as it found it.
import { describe, expect, it } from 'vitest';
import { wasmCompiling } from '../../src/cli/import-ui';

type Wasm = { instantiate: (bytes: Uint8Array) => Promise<unknown> };
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
// The smallest valid module: the magic number and version 1.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const settled = async (p: Promise<unknown>): Promise<boolean> => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20))]);

describe('wasmCompiling', () => {
  it('resolves when a module starts compiling, passes the call through, and puts instantiate back', async () => {
    const original = wasm.instantiate;
    const c = wasmCompiling();
    const started = c.watch(new Promise(() => undefined));
    expect(wasm.instantiate).not.toBe(original);
    expect(await settled(started)).toBe(false);
    const result = await wasm.instantiate(EMPTY_MODULE);
    expect(result).toHaveProperty('instance');
    expect(await settled(started)).toBe(true);
    expect(wasm.instantiate).toBe(original);
  });

  it('resolves and puts instantiate back when the loading settles first, even when it fails', async () => {
    const original = wasm.instantiate;
    const c = wasmCompiling();
    const failing = Promise.reject(new Error('no UI'));
    failing.catch(() => undefined);
    expect(await settled(c.watch(failing))).toBe(true);
    expect(wasm.instantiate).toBe(original);
  });
});
