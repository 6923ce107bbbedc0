/**
 * The few WebAssembly JS-API members the kernel loader uses, typed locally: the project compiles with
 * lib ES2022 and @types/node, neither of which declares the WebAssembly namespace's values.
 * Source: WebAssembly JS API (validate, Module, Instance, Memory) [VERIFIED, spec].
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}

interface WasmNamespace {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

export const wasmApi: WasmNamespace = (globalThis as unknown as { WebAssembly: WasmNamespace }).WebAssembly;
