// Running the CLI's `main` inside the test process, with stdout and stderr captured: the same
// code path as bin/xuncha.js without a node start-up per run.
import { vi } from 'vitest';
import { main } from '../src/cli/main.js';

let queue: Promise<unknown> = Promise.resolve();

/** Runs are queued: the captured streams are process-wide, so two runs must never overlap. */
export function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = queue.then(() => runNow(argv));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
