/**
 * Solve-step benchmark for assignMaxWeight: `npx tsc -p . && node bench/match-solver.mjs [--big]
 * [--only NAME]`. Prints size, density, wall and CPU seconds (CPU time is the fairer figure on a
 * busy machine; the solver is single-threaded), matched units, total weight and peak RSS per case.
 * SciPy linear_sum_assignment on the capacity-expanded matrix: ~0.27 s (2,000 x 500) and ~35 s
 * (10,000 x 2,500) on a 2-core machine; targets are 0.25 s and 15 s.
 */
import { performance } from 'node:perf_hooks';
import { assignMaxWeight } from '../dist/core/solvers/assign.js';
import { generateInstance } from './gen-instances.mjs';

const args = process.argv.slice(2);
const big = args.includes('--big') || args.includes('--all');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const cases = [
  { name: 'small-dense', nLeft: 2000, nRight: 500, capacity: 4, density: 1 },
  { name: 'small-20pct', nLeft: 2000, nRight: 500, capacity: 4, density: 0.2 },
  { name: 'short-cap3', nLeft: 2000, nRight: 500, capacity: 3, density: 1 },
  ...(big
    ? [
        { name: 'big-20pct', nLeft: 10000, nRight: 2500, capacity: 4, density: 0.2 },
        { name: 'big-dense', nLeft: 10000, nRight: 2500, capacity: 4, density: 1 },
      ]
    : []),
].filter((c) => !only || c.name === only);

const rows = [];
for (const c of cases) {
  const inst = generateInstance({ ...c, seed: 42 });
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const res = assignMaxWeight(inst);
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  rows.push({
    case: c.name,
    size: `${c.nLeft} x ${c.nRight}`,
    capacity: c.capacity,
    density: c.density,
    edges: inst.targets.length,
    seconds: Number(seconds.toFixed(3)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    matched: res.matchedUnits,
    totalWeight: Number(res.totalWeight.toFixed(2)),
    peakRssMB: Math.round(peak / 2 ** 20),
  });
}
console.table(rows);
