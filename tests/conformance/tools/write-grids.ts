/**
 * Fills in (or refreshes) the `grid` of every check in tests/conformance/upstream/*.yaml from its
 * transcribed upstream Reachability calls. Run after editing a case:
 *   npx tsx tests/conformance/tools/write-grids.ts
 * Reviewers read the grids in the diff; the conformance test re-expands the calls and fails if a
 * stored grid disagrees with them.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { REVISIONS, UPSTREAM_DIR, expandCalls, renderGrid, type UpstreamCase } from '../truth-table';

for (const file of fs.readdirSync(UPSTREAM_DIR).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort()) {
  const full = path.join(UPSTREAM_DIR, file);
  const doc = YAML.parseDocument(fs.readFileSync(full, 'utf8'));
  const data = doc.toJS() as UpstreamCase;
  data.steps.forEach((step, i) => {
    step.checks.forEach((check, j) => {
      const grids = new YAML.YAMLMap();
      for (const rev of REVISIONS) {
        const scalar = new YAML.Scalar(renderGrid(data.topology[rev], expandCalls(data.topology[rev], check.expect, rev)));
        scalar.type = 'BLOCK_LITERAL';
        grids.set(rev, scalar);
      }
      doc.setIn(['steps', i, 'checks', j, 'grid'], grids);
    });
  });
  fs.writeFileSync(full, doc.toString({ lineWidth: 0 }));
}
