// How `npm start` runs the app: the child inherits the terminal, every termination signal the
// wrapper receives (SIGINT, SIGTERM, SIGHUP) is passed on, and the wrapper ends with the child's
// exit code. A signal cannot be forwarded when the wrapper is killed with SIGKILL, so the child is
// told the wrapper's pid (VERSO_PARENT_PID) and ends itself once it is no longer its parent
// (main/exitWithParent.ts), which frees the port.
import { spawn } from 'node:child_process';

export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function run(command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...env, VERSO_PARENT_PID: String(process.pid) } });
  for (const signal of FORWARDED_SIGNALS) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`Verso could not start: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}
