/**
 * A private PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl into a temporary folder,
 * a random free port on 127.0.0.1 only, its Unix socket in that folder, SCRAM passwords for TCP.
 * Runs the binaries as the `postgres` OS user when we are root (initdb refuses root). Never the
 * system cluster. Missing binaries are an error, never a skip.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** The bootstrap superuser over TCP with its password (postgres://…@127.0.0.1:port/postgres). */
  readonly url: string;
  readonly port: number;
  /** The folder holding the cluster's Unix socket. */
  readonly socketDir: string;
  /** The CA (PEM) that signed the server's TLS certificate, which names IP 127.0.0.1 only. */
  readonly caPem: string;
  stop(): void;
}

const SUPERUSER = 'verso_super';

/** Where Debian's PostgreSQL binaries are (VERSO_PG_BIN overrides); throws a clear error when there are none. */
export function pgBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.VERSO_PG_BIN ? [env.VERSO_PG_BIN] : ['/usr/lib/postgresql/15/bin', ...debianBinDirs()];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
  if (!found) {
    throw new Error(
      `PostgreSQL's initdb and pg_ctl were not found (looked in ${candidates.join(', ') || '/usr/lib/postgresql'}). Install Debian's "postgresql" package (apt-get install postgresql) or set VERSO_PG_BIN.`,
    );
  }
  return found;
}

function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a PostgreSQL program, as the `postgres` OS user when we are root. */
function runPg(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (${r.status ?? r.signal ?? r.error?.message}): ${(r.stderr || r.stdout || '').trim()}`);
  }
}

function ownByPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  fs.chownSync(dir, uid, gid);
}

/** initdb + pg_ctl start; returns when the server accepts connections. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-pg-'));
  fs.chmodSync(dir, 0o700);
  ownByPostgres(dir);
  const data = path.join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pwfile');
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  ownByPostgres(pwfile);
  try {
    runPg(path.join(bin, 'initdb'), [
      '-D', data, '-U', SUPERUSER, `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-sync',
      '--auth-local=trust', '--auth-host=scram-sha-256',
    ]); // prettier-ignore
    fs.rmSync(pwfile);
    // Only the bootstrap superuser is trusted, and only over the socket in our private folder.
    fs.writeFileSync(
      path.join(data, 'pg_hba.conf'),
      `local all ${SUPERUSER} trust\nlocal all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n`,
    );
    const caPem = makeServerCertificate(dir, data);
    const port = await startOnFreePort(bin, dir, data);
    stopWhenGone(process.pid, bin, dir, data);
    return {
      caPem,
      url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      socketDir: dir,
      stop: () => {
        try {
          runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A watchdog (a detached shell): if this process dies without stopping the cluster (kill -9, a
 * crash), the cluster is stopped and its folder removed within seconds, not left running.
 */
function stopWhenGone(pid: number, bin: string, dir: string, data: string): void {
  const asRoot = process.getuid?.() === 0;
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}${q(path.join(bin, 'pg_ctl'))} -D ${q(data)} -m immediate -w stop`;
  const script = `while kill -0 ${pid} 2>/dev/null; do sleep 2; done; if [ -d ${q(data)} ]; then ${pgCtl} >/dev/null 2>&1; rm -rf ${q(dir)}; fi`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/** A throw-away CA and a server certificate for IP 127.0.0.1 (openssl, which Debian's postgresql depends on); returns the CA's PEM. */
function makeServerCertificate(dir: string, data: string): string {
  const tls = path.join(dir, 'tls');
  fs.mkdirSync(tls);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: tls, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3', '-subj', '/CN=Verso test CA');
  ssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(tls, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '3',
    '-extfile',
    'san.ext',
  );
  for (const f of ['server.crt', 'server.key']) {
    fs.copyFileSync(path.join(tls, f), path.join(data, f));
    fs.chmodSync(path.join(data, f), 0o600);
    ownByPostgres(path.join(data, f));
  }
  const caPem = fs.readFileSync(path.join(tls, 'ca.crt'), 'utf8');
  fs.rmSync(tls, { recursive: true, force: true });
  return caPem;
}

/** A free port can be taken between probing and binding: try a few. */
async function startOnFreePort(bin: string, dir: string, data: string): Promise<number> {
  const base = fs.readFileSync(path.join(data, 'postgresql.conf'), 'utf8');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    fs.writeFileSync(
      path.join(data, 'postgresql.conf'),
      base +
        [
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${dir}'`,
          "password_encryption = 'scram-sha-256'",
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          'max_connections = 200',
          'ssl = on',
          '',
        ].join('\n'),
    );
    try {
      runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      return port;
    } catch (err) {
      lastError = err;
    }
  }
  const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
  throw new Error(`PostgreSQL did not start: ${lastError instanceof Error ? lastError.message : String(lastError)}\n${log}`);
}
