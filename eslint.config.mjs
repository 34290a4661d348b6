import next from 'eslint-config-next';

const config = [
  { ignores: ['node_modules/**', '.next/**', '.data/**', 'lib/generated/**', 'coverage/**', 'next-env.d.ts'] },
  ...next,
  {
    // The engine is pure: it must run in the browser, in the CLI and in the grader alike.
    files: ['lib/netpol/**/*.ts'],
    ignores: ['lib/netpol/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['next', 'next/*', 'react', 'react-dom', '@prisma/*', 'next-auth', 'next-auth/*', 'node:*', 'fs', 'path', 'child_process'] }],
    },
  },
];

export default config;
