'use strict';
/**
 * A migration-aware driver adapter factory for the WebAssembly schema engine, built on @prisma/adapter-pg
 * with the fixes the stand-in needs (see docs/decisions/001-prisma-offline.md):
 * 1. Postgres' internal `"char"` type (oid 18, used by the catalogues the engine introspects) is reported as
 *    text; adapter-pg 7.10.1 has no mapping for it and the engine fails with "Column type 'char' could not be
 *    deserialized".
 * 2. `executeScript` sends the whole script as one simple query instead of splitting it on every `;`
 *    (splitting breaks `$$` bodies and string literals and is not atomic).
 * 3. The shadow database gets its own connection fields (adapter-pg spreads `database` next to a
 *    `connectionString`, which wins, so the "shadow" pool talks to the main database).
 * 4. Shadow databases are dropped by us once the request that needed them is over, not when the engine
 *    disposes the adapter (it disposes it before it is done with the database).
 */
const crypto = require('node:crypto');
const pg = require('pg');
const { parse: parseConnectionString } = require('pg-connection-string');
const { PrismaPg } = require('@prisma/adapter-pg');

const CHAR_OID = 18;
const TEXT_OID = 25;

/** Rewrite `"char"` columns to text in one result or in the array a multi-statement query returns. */
function charAsText(result) {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    for (const field of (r && r.fields) || []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** pg.Client whose results never carry the `"char"` oid; pools build it through their `Client` option. */
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    // Submittables (cursors, streams) carry their own result handling.
    if (config && typeof config.submit === 'function') return super.query(config, values, callback);
    if (typeof values === 'function') {
      callback = values;
      values = undefined;
    }
    if (typeof callback === 'function') {
      return super.query(config, values, (err, res) => callback(err, err ? res : charAsText(res)));
    }
    return super.query(config, values).then(charAsText);
  }
}

/** Connection fields from a postgres:// URL, plus the Prisma-only `schema` parameter kept apart. */
function parseDatabaseUrl(url) {
  const parsed = parseConnectionString(url);
  const { schema, connection_limit: _limit, pool_timeout: _timeout, ...fields } = parsed;
  const config = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') config[key] = value;
  }
  if (config.port) config.port = Number(config.port);
  return { config, schema: schema || undefined };
}

/** Replace adapter-pg's `;`-splitting executeScript by one simple query (atomic, `$$`-safe). */
function wholeScript(adapter) {
  adapter.executeScript = async function executeScript(script) {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * An adapter for commands that need no database (e.g. `migrate diff --from-empty --to-schema …`) when no URL
 * is configured. The wasm engine asks the server's version when it starts (the native binary connects only
 * when needed), so that one query gets a plausible answer; every other query fails with a clear error.
 */
function createOfflineAdapter() {
  const noDatabase = async () => {
    const error = new Error('this command needs a database: set DATABASE_URL (prisma.config.ts reads it)');
    error.code = 'P1012';
    throw error;
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async queryRaw(query) {
      if (/version\(\)/.test(query.sql) && /server_version_num/.test(query.sql)) {
        // ColumnTypeEnum: Boolean = 5, Text = 7, Int32 = 0.
        return { columnNames: ['exists', 'version', 'numeric_version'], columnTypes: [5, 7, 0], rows: [[true, 'PostgreSQL 17 (no database configured)', 170000]] };
      }
      return noDatabase();
    },
    executeRaw: noDatabase,
    executeScript: noDatabase,
    startTransaction: noDatabase,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    async dispose() {},
  };
}

/** Build the factory the wasm engine expects (`connect`, `connectToShadowDb`), plus `cleanup()` for shadows. */
function createMigrationFactory({ url, shadowDatabaseUrl }) {
  const main = url ? parseDatabaseUrl(url) : null;
  const shadow = shadowDatabaseUrl ? parseDatabaseUrl(shadowDatabaseUrl) : null;
  const createdShadows = [];
  const openAdapters = [];

  function requireMain() {
    if (!main) {
      const error = new Error('no database url: set DATABASE_URL (prisma.config.ts reads it) for this command');
      error.code = 'P1012';
      throw error;
    }
    return main;
  }

  async function open(config, schema) {
    const factory = new PrismaPg({ ...config, Client: CharAsTextClient }, schema ? { schema } : undefined);
    const adapter = wholeScript(await factory.connect());
    openAdapters.push(adapter);
    return adapter;
  }

  async function adminQuery(sql) {
    const { config } = requireMain();
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  // The engine reports errors thrown here only as "External error id#N": keep the last one to tell the user.
  const remember = (fn) => async () => {
    try {
      return await fn();
    } catch (error) {
      factory.lastError = error;
      throw error;
    }
  };

  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    lastError: null,
    connect: remember(async () => {
      if (!main) return createOfflineAdapter();
      return open(main.config, main.schema);
    }),
    connectToShadowDb: remember(async () => {
      if (shadow) return open(shadow.config, shadow.schema);
      const { config, schema } = requireMain();
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      await adminQuery(`CREATE DATABASE "${name}"`);
      createdShadows.push(name);
      return open({ ...config, database: name }, schema);
    }),
    /** Drop the shadow databases created so far (their pools are closed first). */
    async cleanup() {
      if (createdShadows.length === 0) return;
      const names = createdShadows.splice(0);
      for (const name of names) {
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      }
    },
    /** Close every pool this factory opened. */
    async close() {
      await Promise.all(openAdapters.splice(0).map((a) => a.underlyingDriver().end().catch(() => undefined)));
    },
  };
  return factory;
}

module.exports = { createMigrationFactory, createOfflineAdapter, parseDatabaseUrl, CharAsTextClient, charAsText };
