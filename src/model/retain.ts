// Keeping the latest object of a short-lived kind alive. V8 drops a hidden class at a full GC once
// no object has it, and throws away all optimised code specialised to it: after each full GC the
// evaluation ran unoptimised until V8 had re-learned it (seen with --trace-deopt, "weak objects").
// One object per kind keeps the classes, and costs one log's index at most.
const kept = new Map<string, object>();

export function retain<T extends object>(kind: string, o: T): T {
  kept.set(kind, o);
  return o;
}
