/**
 * Drill data-layer figures on a real database: draft save latency (sequential and 10 concurrent on one session,
 * which serialize on the session row lock) and the time to finish (grade and store) a drill of every published
 * scenario with its reference answer.
 *   node scripts/with-db.js --mode test -- npx tsx tests/integration/drills/drill.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '@/lib/db/client';
import { listPublishedScenarios } from '@/lib/db/progress/list-published-scenarios';
import { startDrillSession } from '@/lib/db/drill/start-drill-session';
import { saveDrillTask } from '@/lib/db/drill/save-drill-task';
import { finishDrillSession } from '@/lib/db/drill/finish-drill-session';
import { getDrillSessionView } from '@/lib/db/drill/get-drill-session-view';
import { findPublishedScenario } from '@/lib/db/scenario/find-published-scenario';

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  return `n=${s.length} median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
}

async function main() {
  const user = await db.user.create({ data: { email: `bench-${randomBytes(5).toString('hex')}@example.test` } });
  try {
    const catalog = (await listPublishedScenarios()).slice(0, 50);
    const started = await startDrillSession(user.id, { scenarios: catalog.map((s) => s.slug), minutes: 60, feedback: 'end' });
    console.log(`drill of ${started.tasks.length} tasks`);

    const seq: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await saveDrillTask(user.id, started.id, i % started.tasks.length, { yaml: `# draft ${i}\n`, elapsedMs: 10 });
      seq.push(performance.now() - t);
    }
    console.log(`save, sequential: ${stats(seq)}`);

    const conc: number[] = [];
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          const t = performance.now();
          await saveDrillTask(user.id, started.id, j, { yaml: `# round ${round}\n` });
          conc.push(performance.now() - t);
        }),
      );
    }
    console.log(`save, 10 concurrent on one session: ${stats(conc)}`);

    for (const task of started.tasks) {
      const s = await findPublishedScenario(task.scenario);
      const answer = s?.content.kind === 'predict'
        ? `answers:\n${s.content.expectations.map((e) => `  - { from: ${JSON.stringify(e.from)}, to: ${JSON.stringify(e.to)}, port: ${JSON.stringify(e.port)}, protocol: ${e.protocol}, allowed: ${e.allowed} }`).join('\n')}\n`
        : (s?.content.solution ?? '');
      await saveDrillTask(user.id, started.id, task.index, { yaml: answer });
    }
    const v = performance.now();
    await getDrillSessionView(user.id, started.id);
    console.log(`session view (${started.tasks.length} tasks): ${(performance.now() - v).toFixed(1)} ms`);
    const f = performance.now();
    const done = await finishDrillSession(user.id, started.id);
    console.log(`finish (grade + store ${started.tasks.length} tasks): ${(performance.now() - f).toFixed(0)} ms; score ${done.score}`);
    const again = performance.now();
    await finishDrillSession(user.id, started.id);
    console.log(`second finish (idempotent): ${(performance.now() - again).toFixed(1)} ms`);
  } finally {
    await db.user.delete({ where: { id: user.id } });
    await disconnectDb();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
