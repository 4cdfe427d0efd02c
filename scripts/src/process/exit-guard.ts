/**
 * Last-resort cleanup: whatever way the launcher process ends (an uncaught error, process.exit),
 * every child still registered here is signalled synchronously so none outlives it.
 */
const finalizers = new Set<() => void>();
let installed = false;

export function onProcessExit(finalizer: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', () => {
      for (const finalize of finalizers) {
        try {
          finalize();
        } catch {
          // Exiting anyway: one failed kill must not stop the others.
        }
      }
    });
  }
  finalizers.add(finalizer);
  return () => finalizers.delete(finalizer);
}

/** Signals a whole process group (children are spawned as group leaders); ignores a gone group. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
