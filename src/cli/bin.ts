// Process entry: run the CLI and set the exit code. Kept apart from main.ts so tests and other
// code can import `main` without running it.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
