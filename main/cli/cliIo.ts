/** What a CLI command reads and writes: its streams, environment and working folder. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  version: string;
  resolveDataDir: (env: NodeJS.ProcessEnv) => string;
}
