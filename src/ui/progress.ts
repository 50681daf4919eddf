/**
 * A progress bar on stderr for long work; silent when stderr is not a TTY, with --json or --quiet.
 */

import cliProgress from 'cli-progress';
import type { Output } from './output.js';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const noop: Progress = { update: () => undefined, stop: () => undefined };

/** Starts a bar for `total` units when the output allows it and the work is big enough. */
export function startProgress(
  out: Output,
  label: string,
  total: number,
  threshold = 10_000,
): Progress {
  if (!out.canShowProgress || total < threshold) return noop;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      stream: out.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
