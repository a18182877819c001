#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` through the `prepare` script): plain node starts
// fastest, which matters for a command clerks run many times a day.
import '../dist/cli/bin.js';
