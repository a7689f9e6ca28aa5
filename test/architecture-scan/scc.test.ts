import fc from 'fast-check';
import { findCycles, indexGraph, tarjan } from '../../src/graph/analysis/scc.js';
import type { EdgeKind } from '../../src/graph/types.js';

type E = [string, string, EdgeKind];
const rt = (a: string, b: string): E => [a, b, 'runtime'];

describe('findCycles', () => {
  it('reports a self-import as a one-member cycle', () => {
    const cycles = findCycles({ nodes: ['a.ts', 'b.ts'], edges: [rt('a.ts', 'a.ts'), rt('a.ts', 'b.ts')] });
    expect(cycles).toEqual([{ members: ['a.ts'], example: ['a.ts', 'a.ts'], kinds: ['runtime'] }]);
  });

  it('reports a 2-cycle with its closed example starting at the smallest path', () => {
    const cycles = findCycles({ nodes: ['z.ts', 'a.ts'], edges: [rt('z.ts', 'a.ts'), rt('a.ts', 'z.ts')] });
    expect(cycles).toEqual([
      { members: ['a.ts', 'z.ts'], example: ['a.ts', 'z.ts', 'a.ts'], kinds: ['runtime'] },
    ]);
  });

  it('joins a figure-eight into one component with one shortest example', () => {
    // a -> b -> c -> a and c -> d -> e -> c share c: one SCC of five.
    const edges = [rt('a', 'b'), rt('b', 'c'), rt('c', 'a'), rt('c', 'd'), rt('d', 'e'), rt('e', 'c')];
    const cycles = findCycles({ nodes: ['a', 'b', 'c', 'd', 'e'], edges });
    expect(cycles).toHaveLength(1);
    expect(cycles[0].members).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(cycles[0].example).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds the globally shortest cycle, not only the one through the first member', () => {
    // a -> b -> c -> d -> a is long; c <-> d is the shortest.
    const edges = [rt('a', 'b'), rt('b', 'c'), rt('c', 'd'), rt('d', 'a'), rt('d', 'c')];
    expect(findCycles({ nodes: [], edges })[0].example).toEqual(['c', 'd', 'c']);
  });

  it('keeps separate components apart and sorts them by first member', () => {
    const edges = [rt('x', 'y'), rt('y', 'x'), rt('b', 'c'), rt('c', 'b'), rt('c', 'x')];
    expect(findCycles({ nodes: [], edges }).map((c) => c.members)).toEqual([
      ['b', 'c'],
      ['x', 'y'],
    ]);
  });

  it('drops type-only and dynamic edges on request and reports the kinds inside a component', () => {
    const edges: E[] = [rt('a', 'b'), ['b', 'a', 'type-only'], rt('c', 'd'), ['d', 'c', 'dynamic']];
    expect(findCycles({ nodes: [], edges }).map((c) => [c.members, c.kinds])).toEqual([
      [
        ['a', 'b'],
        ['runtime', 'type-only'],
      ],
      [
        ['c', 'd'],
        ['runtime', 'dynamic'],
      ],
    ]);
    expect(findCycles({ nodes: [], edges }, { ignoreTypeOnly: true }).map((c) => c.members)).toEqual([
      ['c', 'd'],
    ]);
    expect(findCycles({ nodes: [], edges }, { ignoreDynamic: true }).map((c) => c.members)).toEqual([
      ['a', 'b'],
    ]);
    expect(findCycles({ nodes: [], edges }, { ignoreDynamic: true, ignoreTypeOnly: true })).toEqual([]);
  });

  it('handles a 50,000-module import chain closed into one cycle without a stack overflow', () => {
    const n = 50_000;
    const name = (i: number) => `m${String(i).padStart(6, '0')}`;
    const edges: E[] = [];
    for (let i = 0; i < n; i++) edges.push(rt(name(i), name((i + 1) % n)));
    const cycles = findCycles({ nodes: [], edges });
    expect(cycles).toHaveLength(1);
    expect(cycles[0].members).toHaveLength(n);
    expect(cycles[0].example).toHaveLength(n + 1);
  });

  const graphArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { maxLength: 30 })
    .map((pairs) => pairs.map(([a, b]) => rt(`n${a}`, `n${b}`)));

  it('gives the same answer whatever the order of nodes and edges', () => {
    fc.assert(
      fc.property(graphArb, fc.integer(), (edges, seed) => {
        const shuffled = [...edges]
          .sort((x, y) => ((x.join() + seed).length % 3) - ((y.join() + seed).length % 3))
          .reverse();
        expect(findCycles({ nodes: [], edges: shuffled })).toEqual(findCycles({ nodes: [], edges }));
      }),
    );
  });

  it('agrees with brute-force mutual reachability, and every example is a real cycle inside its component', () => {
    fc.assert(
      fc.property(graphArb, (edges) => {
        const g = indexGraph([], edges);
        const n = g.nodes.length;
        const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
        for (const [a, b] of edges) reach[g.index.get(a)!][g.index.get(b)!] = true;
        for (let k = 0; k < n; k++)
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true;
        const { component } = tarjan(g);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            if (i !== j) expect(component[i] === component[j]).toBe(reach[i][j] && reach[j][i]);
        const set = new Set(edges.map(([a, b]) => `${a}>${b}`));
        for (const c of findCycles({ nodes: [], edges })) {
          expect(c.example[0]).toBe(c.example[c.example.length - 1]);
          for (let i = 0; i + 1 < c.example.length; i++) {
            expect(set.has(`${c.example[i]}>${c.example[i + 1]}`)).toBe(true);
            expect(c.members).toContain(c.example[i]);
          }
          expect(new Set(c.example.slice(0, -1)).size).toBe(c.example.length - 1);
        }
      }),
    );
  });
});
