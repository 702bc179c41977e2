/**
 * Prisma's schema engine, from its WebAssembly build. The native engine that
 * the Prisma CLI downloads cannot be fetched on every machine; the wasm build
 * ships in an npm package and speaks to PostgreSQL through the same pg driver
 * adapter as the client. It is instantiated by hand so that Node needs no
 * --experimental-wasm-modules flag.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Bindings = typeof import("@prisma/schema-engine-wasm");
export type SchemaEngine = import("@prisma/schema-engine-wasm").SchemaEngine;

let bindings: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Bindings & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = fs.readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as never });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export const noFilters = { externalTables: [], externalEnums: [] };

/** Runs `work` with a schema engine connected to `databaseUrl`, then frees it. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;
  // The engine opens connections through the factory but never closes them;
  // an open one would keep holding Prisma's migration advisory lock, so every
  // adapter it opens is tracked and disposed of when the work is done.
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = Object.assign(Object.create(factory) as PrismaPg, {
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  });
  function track<A extends { dispose(): Promise<void> }>(adapter: A): A {
    opened.push(adapter);
    return adapter;
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose().catch(() => {})));
  }
}
