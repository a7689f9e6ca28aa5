/**
 * Kills a real redis-server at a chosen command of the action under test: the action talks to
 * Redis through this pass-through, which reads the RESP commands the client sends. The first
 * command the trigger matches is not forwarded; instead the server is SIGKILLed and the
 * pass-through stops listening, so the command in flight and every later one meet a dead Redis
 * (connection closed, then refused), exactly as when the host dies at that point of the run.
 *
 * A hook on the action's own traffic, not a timer: the kill lands at the same step on every run,
 * however fast or loaded the machine is.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { RedisServer } from '../helpers/redis-server.js';

/** A command as the client sent it: name upper-cased, arguments as latin1 text (keys are ASCII). */
export type RedisCommand = string[];

/** One complete RESP array (or inline command) at `at`, or undefined when more bytes are needed. */
export function readCommand(buf: Buffer, at: number): { args: RedisCommand; end: number } | undefined {
  const line = (from: number): { text: string; next: number } | undefined => {
    const eol = buf.indexOf('\r\n', from, 'latin1');
    return eol < 0 ? undefined : { text: buf.toString('latin1', from, eol), next: eol + 2 };
  };
  const head = line(at);
  if (!head) return undefined;
  if (!head.text.startsWith('*')) {
    const args = head.text.trim().split(/\s+/);
    return { args: [args[0].toUpperCase(), ...args.slice(1)], end: head.next };
  }
  const n = Number(head.text.slice(1));
  const args: string[] = [];
  let pos = head.next;
  for (let i = 0; i < n; i++) {
    const len = line(pos);
    if (!len) return undefined;
    if (!len.text.startsWith('$')) throw new Error(`unexpected RESP from the client: ${len.text}`);
    const size = Number(len.text.slice(1));
    if (buf.length < len.next + size + 2) return undefined;
    args.push(buf.toString('latin1', len.next, len.next + size));
    pos = len.next + size + 2;
  }
  args[0] = (args[0] ?? '').toUpperCase();
  return { args, end: pos };
}

export class RedisKillSwitch {
  /** Every command forwarded before the kill, in order (all connections). */
  readonly forwarded: RedisCommand[] = [];
  /** The command Redis died at, once it has. */
  killedAt: RedisCommand | undefined;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private killing: Promise<void> | undefined;
  private port = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly redis: RedisServer,
    private readonly trigger: (cmd: RedisCommand) => boolean,
  ) {}

  /** Starts the pass-through; `trigger` picks the command at which the server dies. */
  static async start(redis: RedisServer, trigger: (cmd: RedisCommand) => boolean): Promise<RedisKillSwitch> {
    const server = net.createServer();
    const self = new RedisKillSwitch(server, redis, trigger);
    server.on('connection', (client: net.Socket) => self.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    self.port = (server.address() as AddressInfo).port;
    return self;
  }

  /** Where the action is told Redis is (fixed at start: the listener closes when Redis dies). */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Resolves once Redis has been killed (never, if the trigger never matched). */
  get killed(): Promise<void> | undefined {
    return this.killing;
  }

  private accept(client: net.Socket): void {
    if (this.killing) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port: this.redis.port });
    const pair = { client, upstream };
    this.pairs.add(pair);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      if (this.killing) return;
      pending = Buffer.concat([pending, chunk]);
      let at = 0;
      for (;;) {
        const cmd = readCommand(pending, at);
        if (!cmd) break;
        if (this.trigger(cmd.args)) {
          // What came before the trigger in this chunk still reaches Redis; the trigger does not.
          if (at > 0) upstream.write(pending.subarray(0, at));
          this.kill(cmd.args);
          return;
        }
        this.forwarded.push(cmd.args);
        at = cmd.end;
      }
      if (at > 0) upstream.write(pending.subarray(0, at));
      pending = pending.subarray(at);
    });
    upstream.on('data', (d: Buffer) => client.write(d));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('error', drop);
    upstream.on('error', drop);
  }

  private kill(at: RedisCommand): void {
    this.killedAt = at;
    // Stop accepting first: a reconnect from here on is refused, as by a dead host.
    this.server.close();
    this.killing = this.redis.kill().then(() => {
      for (const p of this.pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      this.pairs.clear();
    });
  }

  async close(): Promise<void> {
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream.destroy();
    }
    this.pairs.clear();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.killing;
  }
}

/** Commands that change data: the usual trigger is the first of these on a key. */
export const WRITE_COMMANDS = new Set([
  'SET',
  'DEL',
  'INCRBY',
  'INCRBYFLOAT',
  'HINCRBY',
  'HINCRBYFLOAT',
  'HSET',
  'EVAL',
  'EVALSHA',
  'MULTI',
  'EXPIRE',
]);
