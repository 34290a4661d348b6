'use strict';
/**
 * Decide which schema engine the Prisma CLI uses: the native binary when it is installed (online installs
 * download it), otherwise our WebAssembly stand-in (scripts/schema-engine/schema-engine.js).
 * The native lookup mirrors the CLI's own (prisma/build/cli.js, `resolveBinary`): PRISMA_SCHEMA_ENGINE_BINARY,
 * then `schema-engine-<binaryTarget>` in @prisma/engines, next to the prisma package, in node_modules and in
 * prisma/runtime.
 */
const fs = require('node:fs');
const path = require('node:path');

const STAND_IN = path.join(__dirname, '..', 'schema-engine', 'schema-engine.js');

/** Directories where the Prisma CLI looks for `schema-engine-<target>`. */
function nativeSearchDirs() {
  const dirs = [];
  try {
    dirs.push(path.dirname(require.resolve('@prisma/engines/package.json')));
  } catch {
    // @prisma/engines always comes with prisma; without it only the other places count.
  }
  try {
    const prismaBuild = path.join(path.dirname(require.resolve('prisma/package.json')), 'build');
    dirs.push(path.join(prismaBuild, '..'), path.join(prismaBuild, '../..'), path.join(prismaBuild, '../runtime'));
  } catch {
    // prisma is a dependency; if it is missing the CLI cannot run anyway.
  }
  return dirs;
}

/** The platform's binary target (e.g. `debian-openssl-3.0.x`), or null when it cannot be determined. */
async function binaryTarget() {
  try {
    const { getBinaryTargetForCurrentPlatform } = require('@prisma/get-platform');
    return await getBinaryTargetForCurrentPlatform();
  } catch {
    return null;
  }
}

/** Path of an installed native schema-engine, or null. */
async function findNativeSchemaEngine() {
  const target = await binaryTarget();
  for (const dir of nativeSearchDirs()) {
    if (target) {
      const file = path.join(dir, `schema-engine-${target}${target === 'windows' ? '.exe' : ''}`);
      if (fs.existsSync(file)) return file;
    } else {
      const found = fs.existsSync(dir) && fs.readdirSync(dir).find((f) => /^schema-engine-[a-z0-9.-]+$/.test(f) && !/\.(gz|sha256|tmp)$/.test(f));
      if (found) return path.join(dir, found);
    }
  }
  return null;
}

/**
 * The engine to use: `{ kind: 'env' | 'native' | 'stand-in', path }`. `NETPOL_SCHEMA_ENGINE=stand-in` forces
 * the stand-in (used by tests and to reproduce offline behaviour on a machine that has the binary).
 */
async function resolveSchemaEngine(env = process.env) {
  const fromEnv = env.PRISMA_SCHEMA_ENGINE_BINARY || env.PRISMA_MIGRATION_ENGINE_BINARY;
  if (fromEnv) return { kind: 'env', path: fromEnv };
  if (env.NETPOL_SCHEMA_ENGINE !== 'stand-in') {
    const native = await findNativeSchemaEngine();
    if (native) return { kind: 'native', path: native };
  }
  return { kind: 'stand-in', path: STAND_IN };
}

module.exports = { resolveSchemaEngine, findNativeSchemaEngine, STAND_IN };
