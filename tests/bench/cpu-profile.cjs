'use strict';
/**
 * Preload for `npm run bench:load -- --cpu-prof DIR` (NODE_OPTIONS refuses --cpu-prof itself): profiles the
 * process with the inspector from start to exit and writes DIR/<pid>.cpuprofile (open it in Chrome DevTools).
 */
const fs = require('node:fs');
const path = require('node:path');
const { Session } = require('node:inspector');

const dir = process.env.NETPOL_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let written = false;
  // In-process inspector sessions answer synchronously, so this works inside 'exit'.
  process.on('exit', () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (!err) fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
