/**
 * Starts and stops real `redis-server` processes on free loopback ports for tests and benchmarks:
 * standalone, TLS, a 3-node Cluster and a Sentinel set-up. Tests never mock Redis.
 *
 * When `redis-server` is not installed the suites using it skip loudly (console.warn), unless
 * `AI_CI_REQUIRE_REDIS=1`, in which case they fail: `.ci/run` sets it so a skip never hides.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import os from 'node:os';
import path from 'node:path';

const HOST = '127.0.0.1';

export function redisServerAvailable(): boolean {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * `describe` when redis-server exists; otherwise a loud skip, or a failing suite when
 * AI_CI_REQUIRE_REDIS=1.
 */
export function describeWithRedis(name: string, fn: () => void): void {
  if (redisServerAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.AI_CI_REQUIRE_REDIS === '1') {
    describe(name, () => {
      it('needs redis-server (AI_CI_REQUIRE_REDIS=1)', () => {
        throw new Error('redis-server is not installed but AI_CI_REQUIRE_REDIS=1: install redis-server');
      });
    });
    return;
  }
  console.warn(
    `SKIPPED "${name}": redis-server is not installed (set AI_CI_REQUIRE_REDIS=1 to fail instead)`,
  );
  describe.skip(name, fn);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

/** A free port; with `busOffset`, `port + busOffset` must be free too (Cluster bus ports). */
export async function freePort(busOffset?: number): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, HOST, () => {
        const addr = srv.address();
        const p = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => resolve(p));
      });
    });
    if (busOffset === undefined) return port;
    if (port + busOffset < 65536 && (await portIsFree(port + busOffset))) return port;
  }
  throw new Error('no free port found');
}

export interface TlsFiles {
  cert: string;
  key: string;
  ca: string;
  /** PEM text of the CA, for clients. */
  caPem: string;
}

/** A throw-away CA and a server certificate for 127.0.0.1, made with openssl. */
export function makeTestCertificate(dir: string): TlsFiles {
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  };
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=ai-ci test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  ]);
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  ]);
  writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
    '-out',
    'server.crt',
  ]);
  const ca = path.join(dir, 'ca.crt');
  return {
    cert: path.join(dir, 'server.crt'),
    key: path.join(dir, 'server.key'),
    ca,
    caPem: readFileSync(ca, 'utf8'),
  };
}

export interface RedisServerOptions {
  port?: number;
  /** Serve TLS only (port 0 for plain TCP). */
  tls?: TlsFiles;
  password?: string;
  extraArgs?: string[];
  /** Sentinel mode: the config file content (without the port line). */
  sentinelConfig?: string;
  busOffset?: number;
}

export class RedisServer {
  private proc: ChildProcess | undefined;
  private stderr = '';

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly opts: RedisServerOptions,
  ) {}

  static async start(opts: RedisServerOptions = {}): Promise<RedisServer> {
    const port = opts.port ?? (await freePort(opts.busOffset));
    const dir = mkdtempSync(path.join(os.tmpdir(), `ai-ci-redis-${port}-`));
    const s = new RedisServer(port, dir, opts);
    await s.spawnAndWait();
    return s;
  }

  get url(): string {
    const auth = this.opts.password ? `:${encodeURIComponent(this.opts.password)}@` : '';
    return `${this.opts.tls ? 'rediss' : 'redis'}://${auth}${HOST}:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  private args(): string[] {
    const o = this.opts;
    if (o.sentinelConfig !== undefined) {
      const conf = path.join(this.dir, 'sentinel.conf');
      writeFileSync(conf, `port ${this.port}\nbind ${HOST}\ndir ${this.dir}\n${o.sentinelConfig}\n`);
      return [conf, '--sentinel'];
    }
    const args = ['--bind', HOST, '--dir', this.dir, '--save', '', '--appendonly', 'no', '--logfile', ''];
    if (o.tls) {
      args.push(
        '--port',
        '0',
        '--tls-port',
        String(this.port),
        '--tls-cert-file',
        o.tls.cert,
        '--tls-key-file',
        o.tls.key,
      );
      args.push('--tls-ca-cert-file', o.tls.ca, '--tls-auth-clients', 'no');
    } else {
      args.push('--port', String(this.port));
    }
    if (o.password) args.push('--requirepass', o.password);
    args.push(...(o.extraArgs ?? []));
    return args;
  }

  private async spawnAndWait(): Promise<void> {
    this.stderr = '';
    const proc = spawn('redis-server', this.args(), { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    proc.stdout?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    proc.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`redis-server on ${this.port} exited: ${this.stderr}`);
      if (await this.ping()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    await this.kill();
    throw new Error(`redis-server on ${this.port} did not become ready: ${this.stderr}`);
  }

  /** One raw RESP round trip, so readiness does not depend on the client under test. */
  command(args: string[], timeout = 2000): Promise<string> {
    const payload = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
    const auth = this.opts.password ? ['AUTH', this.opts.password] : undefined;
    const authPayload = auth ? `*2\r\n$4\r\nAUTH\r\n$${Buffer.byteLength(auth[1])}\r\n${auth[1]}\r\n` : '';
    return new Promise((resolve, reject) => {
      const sock = this.opts.tls
        ? tls.connect({ host: HOST, port: this.port, ca: this.opts.tls.caPem, servername: 'localhost' })
        : net.connect({ host: HOST, port: this.port });
      let buf = '';
      const t = setTimeout(() => {
        sock.destroy();
        reject(new Error('timeout'));
      }, timeout);
      sock.once(this.opts.tls ? 'secureConnect' : 'connect', () => sock.write(authPayload + payload));
      sock.on('data', (d: Buffer) => {
        buf += d.toString();
        const expectReplies = auth ? 2 : 1;
        // Replies here are short; a reply is complete when its last line ends with CRLF and the
        // bulk length (if any) is satisfied. Good enough for PING/INFO/CLUSTER INFO.
        if (complete(buf, expectReplies)) {
          clearTimeout(t);
          sock.end();
          resolve(auth ? buf.slice(buf.indexOf('\r\n') + 2) : buf);
        }
      });
      sock.once('error', (e) => {
        clearTimeout(t);
        reject(e);
      });
    });
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.command(['PING'], 500)).startsWith('+PONG');
    } catch {
      return false;
    }
  }

  /** SIGKILL, as an outage would; resolves when the process is gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Starts again on the same port (empty data: no persistence). */
  async restart(): Promise<void> {
    if (this.running) await this.stop();
    await this.spawnAndWait();
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const p = this.proc;
    if (!p || !this.running) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill(sig);
    });
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function complete(buf: string, replies: number): boolean {
  let pos = 0;
  // Returns the position after one RESP value, or -1 when more bytes are needed.
  const skip = (at: number): number => {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) return -1;
    const line = buf.slice(at, eol);
    let next = eol + 2;
    if (line.startsWith('$')) {
      const len = Number(line.slice(1));
      if (len < 0) return next;
      if (Buffer.byteLength(buf.slice(next)) < len + 2) return -1;
      return next + len + 2;
    }
    if (line.startsWith('*')) {
      const n = Number(line.slice(1));
      for (let i = 0; i < n; i++) {
        next = skip(next);
        if (next < 0) return -1;
      }
    }
    return next;
  };
  for (let i = 0; i < replies; i++) {
    pos = skip(pos);
    if (pos < 0) return false;
  }
  return true;
}

export interface RedisClusterSetup {
  nodes: RedisServer[];
  /** `host:port,host:port,...` as REDIS_CLUSTER_NODES takes it. */
  nodeList: string;
  destroy(): Promise<void>;
}

/** Three masters, no replicas, slots spread by `redis-cli --cluster create`. */
export async function startRedisCluster(count = 3): Promise<RedisClusterSetup> {
  const nodes: RedisServer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      nodes.push(
        await RedisServer.start({
          busOffset: 10000,
          extraArgs: [
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            'nodes.conf',
            '--cluster-node-timeout',
            '5000',
          ],
        }),
      );
    }
    const addrs = nodes.map((n) => `${HOST}:${n.port}`);
    const r = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...addrs, '--cluster-replicas', '0', '--cluster-yes'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    if (r.status !== 0) throw new Error(`redis-cli --cluster create failed: ${r.stdout}${r.stderr}`);
    const deadline = Date.now() + 20_000;
    for (const n of nodes) {
      while (!(await n.command(['CLUSTER', 'INFO'])).includes('cluster_state:ok')) {
        if (Date.now() > deadline) throw new Error(`cluster node ${n.port} never reached cluster_state:ok`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    return {
      nodes,
      nodeList: addrs.join(','),
      destroy: async () => {
        await Promise.all(nodes.map((n) => n.destroy()));
      },
    };
  } catch (e) {
    await Promise.all(nodes.map((n) => n.destroy()));
    throw e;
  }
}

export interface RedisSentinelSetup {
  master: RedisServer;
  sentinel: RedisServer;
  name: string;
  /** `host:port` as REDIS_SENTINELS takes it. */
  sentinelList: string;
  destroy(): Promise<void>;
}

/** One master watched by one sentinel (quorum 1). */
export async function startRedisSentinel(name = 'aicimaster'): Promise<RedisSentinelSetup> {
  const master = await RedisServer.start();
  let sentinel: RedisServer | undefined;
  try {
    sentinel = await RedisServer.start({
      sentinelConfig: `sentinel monitor ${name} ${HOST} ${master.port} 1\nsentinel down-after-milliseconds ${name} 5000\n`,
    });
    const deadline = Date.now() + 10_000;
    while (
      !(await sentinel.command(['SENTINEL', 'get-master-addr-by-name', name])).includes(String(master.port))
    ) {
      if (Date.now() > deadline) throw new Error('sentinel never reported the master');
      await new Promise((res) => setTimeout(res, 50));
    }
    const s = sentinel;
    return {
      master,
      sentinel: s,
      name,
      sentinelList: `${HOST}:${s.port}`,
      destroy: async () => {
        await Promise.all([master.destroy(), s.destroy()]);
      },
    };
  } catch (e) {
    await Promise.all([master.destroy(), sentinel?.destroy()]);
    throw e;
  }
}
