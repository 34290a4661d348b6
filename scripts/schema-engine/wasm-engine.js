'use strict';
/**
 * Loads @prisma/schema-engine-wasm in plain Node 20. The package's entry imports the `.wasm` file as an ES
 * module, which Node only supports behind a flag, so we instantiate the module ourselves and hand it to the
 * generated bindings exactly like the entry file would.
 */
const fs = require('node:fs');

let loaded = null;

/** The wasm bindings module (`SchemaEngine`, `version`), instantiated once per process. */
async function loadWasmEngine() {
  if (loaded) return loaded;
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = await import(bindingsPath);
  const wasmPath = bindingsPath.replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = bindings;
  return bindings;
}

module.exports = { loadWasmEngine };
