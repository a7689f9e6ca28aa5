import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Debian's `prometheus-pushgateway` package installs the binary here. */
export const PUSHGATEWAY_BIN = process.env.AI_CI_PUSHGATEWAY_BIN ?? '/usr/bin/prometheus-pushgateway';

export interface Pushgateway {
  url: string;
  /** The gateway's own `/metrics` text. */
  scrape(): Promise<string>;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether the real Pushgateway can run here; when `AI_CI_REQUIRE_PUSHGATEWAY=1` its absence is a failure. */
export function pushgatewayAvailable(): boolean {
  if (existsSync(PUSHGATEWAY_BIN)) return true;
  if (process.env.AI_CI_REQUIRE_PUSHGATEWAY === '1') {
    throw new Error(
      `${PUSHGATEWAY_BIN} is missing and AI_CI_REQUIRE_PUSHGATEWAY=1 (apt-get install -y prometheus-pushgateway)`,
    );
  }
  console.warn(
    `SKIPPED: the real Pushgateway tests need ${PUSHGATEWAY_BIN} (apt-get install -y prometheus-pushgateway).`,
  );
  return false;
}

/** Starts the real binary on a free port of 127.0.0.1, without persistence, and waits until it is ready. */
export async function startPushgateway(): Promise<Pushgateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(PUSHGATEWAY_BIN, [`--web.listen-address=127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pushgateway exited (${child.exitCode}): ${stderr}`);
    try {
      const r = await fetch(`${url}/-/ready`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pushgateway did not become ready: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    scrape: async () => (await fetch(`${url}/metrics`)).text(),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
