// Loads Prisma's WASM schema engine and hands out one engine instance per operation.
import { readFile } from 'node:fs/promises';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createEngineAdapter } from './pg-adapter';

export type { SchemaEngine };
export type SchemaFile = { path: string; content: string };

let loaded: Promise<void> | undefined;

/**
 * The package entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 cannot
 * import. Do what a bundler would: instantiate the .wasm with the JS glue as its import module,
 * hand the exports to the glue, then run the wasm-bindgen start function.
 */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const glue = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(new URL('schema_engine_bg.wasm', glue));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

/** Engine log lines are JSON; only show them when asked, they are noisy. */
function logEngine(line: unknown): void {
  if (process.env.MIGRATE_DEBUG) process.stderr.write(`[schema-engine] ${String(line)}\n`);
}

/**
 * Runs `fn` with a fresh engine connected to `url`, then frees it and closes every connection
 * (shadow databases included). Fresh per operation because engine state leaks between calls:
 * createMigration/evaluateDataLoss need a prior devDiagnostic, applyMigrations resets it.
 */
export async function withEngine<T>(url: string, schemaFiles: SchemaFile[], fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const adapter = createEngineAdapter(url);
  const datamodels = schemaFiles.map((f): [string, string] => [f.path, f.content]);
  const engine = await bindings.SchemaEngine.new({ datamodels }, logEngine, adapter.factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await adapter.close();
  }
}

/** Engine errors are plain objects or Errors carrying a user-facing message (and a Pxxxx code). */
export function engineErrorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
