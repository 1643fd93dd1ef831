/**
 * The child side of scripts/supervise.mjs: `npm start` passes its own pid as VERSO_PARENT_PID.
 * When that wrapper is gone (killed with SIGKILL, so it could not pass a signal on), this process
 * has been re-parented; it then stops the way SIGTERM would, freeing the port. Without the
 * variable (`node dist/main/web.cjs`, the CLI) nothing is watched.
 */
export function exitWithParent(stop: () => void, env: NodeJS.ProcessEnv = process.env, everyMs = 500): void {
  const parent = Number(env.VERSO_PARENT_PID);
  // Read once: processes this one starts are not watched against Verso's wrapper.
  delete env.VERSO_PARENT_PID;
  if (!Number.isInteger(parent) || parent <= 0) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, everyMs);
  timer.unref();
}
