/** What a CLI command reads and writes: its streams, environment and working folder. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  version: string;
  resolveDataDir: (env: NodeJS.ProcessEnv) => string;
  /** All of standard input (e.g. `verso team add-user --password-stdin`); absent where there is none. */
  readStdin?: () => Promise<string>;
}
