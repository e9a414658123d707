import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '../median.js';

// `npm run bench:import`: what `import('toolplan')` costs a cold process, beside bare Node. Each
// start is a new process (nothing cached in it), the two alternate so that a busy moment hits
// both, and the median of each is reported. Target (issue 15): at most 150 ms over bare Node.

const TARGET_MS = 150;
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const runs = Number(process.argv[2] ?? 5);

function startMs(code: string): number {
  const started = performance.now();
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
  return performance.now() - started;
}

// One of each first, unmeasured: the file system's cache is then warm for both alike.
startMs('');
startMs("await import('toolplan')");
const bare: number[] = [];
const toolplan: number[] = [];
for (let run = 0; run < runs; run += 1) {
  bare.push(startMs(''));
  toolplan.push(startMs("await import('toolplan')"));
}
const over = median(toolplan) - median(bare);
console.log(`cold starts, median of ${runs} (Node ${process.version}):`);
console.log(`  bare node                  ${median(bare).toFixed(0)} ms`);
console.log(`  node + import('toolplan')  ${median(toolplan).toFixed(0)} ms`);
console.log(
  `  toolplan's own cost        ${over.toFixed(0)} ms (target ≤ ${TARGET_MS} ms: ${over <= TARGET_MS ? 'met' : 'missed'})`,
);
if (over > TARGET_MS) process.exitCode = 1;
