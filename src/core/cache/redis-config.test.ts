import { ConfigurationError } from '../errors.js';
import { describeTarget, redisTargetFromEnv } from './redis-config.js';

describe('redisTargetFromEnv', () => {
  it('is undefined when nothing is configured', () => {
    expect(redisTargetFromEnv({})).toBeUndefined();
  });

  it('reads user, password (URL-decoded) and database from REDIS_URL', () => {
    expect(redisTargetFromEnv({ REDIS_URL: 'redis://ci:p%40ss@10.0.0.5:6380/2' })).toEqual({
      kind: 'standalone',
      host: '10.0.0.5',
      port: 6380,
      username: 'ci',
      password: 'p@ss',
      db: 2,
    });
  });

  it('turns TLS on for rediss:// and sends SNI only for host names', () => {
    expect(redisTargetFromEnv({ REDIS_URL: 'rediss://cache.example.com' })).toEqual({
      kind: 'standalone',
      host: 'cache.example.com',
      port: 6379,
      tls: { servername: 'cache.example.com' },
    });
    expect(redisTargetFromEnv({ REDIS_URL: 'rediss://127.0.0.1:7000' })).toMatchObject({ tls: {} });
  });

  it('prefers an input over REDIS_URL', () => {
    expect(redisTargetFromEnv({ REDIS_URL: 'redis://a:1' }, 'redis://b:2')).toMatchObject({
      host: 'b',
      port: 2,
    });
  });

  it('selects Cluster from REDIS_CLUSTER_NODES with credentials from REDIS_URL', () => {
    const t = redisTargetFromEnv({
      REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001,[::1]:7002',
      REDIS_URL: 'redis://:pw@ignored:1',
    });
    expect(t).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      password: 'pw',
    });
    expect(describeTarget(t!)).toBe('Redis Cluster 10.0.0.1:7000,10.0.0.2:7001,::1:7002');
  });

  it('selects Sentinel, with separate sentinel credentials', () => {
    expect(
      redisTargetFromEnv({
        REDIS_SENTINELS: 's1:26379,s2:26379',
        REDIS_SENTINEL_NAME: 'mymaster',
        REDIS_PASSWORD: 'm',
        REDIS_SENTINEL_PASSWORD: 's',
      }),
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'mymaster',
      password: 'm',
      sentinelPassword: 's',
    });
  });

  it('explains configuration mistakes', () => {
    expect(() => redisTargetFromEnv({ REDIS_URL: 'http://x' })).toThrow(
      "Invalid REDIS_URL scheme 'http:'. Expected redis:// or rediss://.",
    );
    expect(() => redisTargetFromEnv({ REDIS_URL: 'not a url' })).toThrow(ConfigurationError);
    expect(() => redisTargetFromEnv({ REDIS_CLUSTER_NODES: 'host-without-port' })).toThrow(
      "Invalid REDIS_CLUSTER_NODES entry 'host-without-port'. Expected host:port",
    );
    expect(() => redisTargetFromEnv({ REDIS_SENTINELS: 'a:1' })).toThrow(
      'REDIS_SENTINELS is set but REDIS_SENTINEL_NAME is not',
    );
    expect(() =>
      redisTargetFromEnv({ REDIS_URL: 'rediss://h', REDIS_TLS_CA_FILE: '/nonexistent/ca.pem' }),
    ).toThrow("REDIS_TLS_CA_FILE '/nonexistent/ca.pem' cannot be read: ENOENT.");
  });
});
