// Process entry: run the CLI and set the exit code. Kept apart from main.ts so tests and other
// code can import `main` without running it.
import { main } from './main.js';

// A reader that stops early (`xuncha check … | head`, quitting `less`) closes the pipe: that is
// no error of ours, and must not end in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
