import { MAX_SHARDS, matrixJson, planShards } from '../../src/actions/select-tests/shards.js';

describe('planShards', () => {
  it('assigns longest first to the least-loaded shard', () => {
    const d = new Map([
      ['a', 7000],
      ['b', 5000],
      ['c', 4000],
      ['d', 3000],
      ['e', 2000],
    ]);
    const plan = planShards(['a', 'b', 'c', 'd', 'e'], 2, d);
    expect(plan.shards).toEqual([
      { shard: 1, tests: ['a', 'd'], estimatedMs: 10000 },
      { shard: 2, tests: ['b', 'c', 'e'], estimatedMs: 11000 },
    ]);
    expect(plan.withHistory).toBe(5);
  });

  it('gives tests without history the median and never makes more shards than tests or 256', () => {
    const plan = planShards(
      ['x', 'y', 'z'],
      10,
      new Map([
        ['x', 100],
        ['y', 300],
      ]),
    );
    expect(plan.medianMs).toBe(200);
    expect(plan.shards.map((s) => s.tests)).toEqual([['y'], ['z'], ['x']]);
    const many = Array.from({ length: 1000 }, (_, i) => `t${i}`);
    expect(planShards(many, 999, new Map()).shards).toHaveLength(MAX_SHARDS);
  });

  it('never emits an empty include', () => {
    expect(matrixJson('none', undefined)).toBe('{"include":[{"shard":0,"tests":""}]}');
    expect(matrixJson('full', planShards([], 4, new Map()))).toBe('{"include":[{"shard":1,"tests":""}]}');
    expect(matrixJson('selective', planShards(['a', 'b'], 2, new Map()))).toBe(
      '{"include":[{"shard":1,"tests":"a"},{"shard":2,"tests":"b"}]}',
    );
  });
});
