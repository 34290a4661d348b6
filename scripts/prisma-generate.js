#!/usr/bin/env node
'use strict';
/**
 * The root `postinstall`: generate the Prisma client into lib/generated/prisma (git-ignored) through our
 * offline-safe CLI wrapper. npm 11 may skip dependencies' install scripts, but the root one still runs, so
 * this is the one place where generation is guaranteed after `npm install` / `npm ci`.
 */
const path = require('node:path');
const { runPrisma } = require('./prisma');

runPrisma(['generate'], { cwd: path.join(__dirname, '..') }).then(
  (code) => {
    if (code !== 0) console.error('prisma generate failed: run `node scripts/prisma.js generate` to see why');
    process.exit(code);
  },
  (error) => {
    console.error(`prisma generate failed: ${error.message}`);
    process.exit(1);
  },
);
