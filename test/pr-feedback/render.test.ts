import { type Facts, numbersIn } from '../../src/actions/pr-feedback/facts.js';
import { unsupportedNumbers } from '../../src/actions/pr-feedback/prose.js';
import {
  COMMENT_LIMIT,
  esc,
  isOurComment,
  MARKER,
  readMeta,
  renderComment,
  templateProse,
} from '../../src/actions/pr-feedback/render.js';

export function baseFacts(over: Partial<Facts> = {}): Facts {
  return {
    headSha: '0123456789abcdef0123456789abcdef01234567',
    runNumber: 42,
    runUrl: 'https://github.com/o/r/actions/runs/7',
    tests: { total: 120, passed: 120, failed: 0, skipped: 0 },
    newFailures: [],
    stillFailing: [],
    fixed: [],
    baseKnown: true,
    rootCauses: [],
    flaky: [],
    coverage: { lines: 91.25, delta: 0.5, patch: 100, baseline: 90.75 },
    gate: { passed: true, failed: [] },
    newVulns: [],
    vulnCounts: { critical: 0, high: 0, medium: 1, low: 0, unknown: 0 },
    lint: null,
    selection: null,
    autofix: null,
    problems: [],
    ...over,
  };
}

describe('pr-feedback comment', () => {
  it('fits on one screen when everything passes', () => {
    const f = baseFacts();
    const { body, truncated } = renderComment(f, templateProse(f), { sha: f.headSha, run: 42 });
    expect(truncated).toBe(false);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('### ✅ ai-ci: 120 tests passed · coverage 91.25% (+0.50) · gate passed');
    expect(body.split('\n').length).toBeLessThanOrEqual(15);
    expect(readMeta(body)).toEqual({ sha: f.headSha, run: 42 });
  });

  it('escapes markdown, HTML, fake markers and mentions in test names', () => {
    const evil = `<!-- ai-ci:pr-feedback --> **bold** [x](https://evil) @octocat <img src=x>`;
    const f = baseFacts({
      tests: { total: 2, passed: 1, failed: 1, skipped: 0 },
      newFailures: [{ name: evil, file: 'a.test.ts', line: 3 }],
    });
    const { body } = renderComment(f, templateProse(f), { sha: f.headSha, run: 1 });
    expect(body.indexOf(MARKER)).toBe(0);
    expect(body.lastIndexOf(MARKER)).toBe(0);
    expect(body).not.toContain('<img');
    expect(body).not.toContain('@octocat');
    // The brackets are escaped, so no link forms.
    expect(body).toContain('\\[x\\](https://evil)');
    expect(body).not.toMatch(/[^\\]\[x[^\\]\]\(/);
    expect(esc('@team')).toBe('@\u200bteam');
    expect(isOurComment(`x${MARKER}`)).toBe(false);
  });

  it("shrinks to GitHub's limit with a note, keeping the most important sections", () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      name: `suite › a very long test name number ${i} ${'x'.repeat(60)}`,
      file: `src/t${i}.test.ts`,
      line: i + 1,
    }));
    const f = baseFacts({
      tests: { total: 3000, passed: 0, failed: 3000, skipped: 0 },
      newFailures: many,
      flaky: many.map((m) => ({ name: m.name, evidence: 'flip rate 50%' })),
    });
    const { body, truncated } = renderComment(f, templateProse(f), { sha: f.headSha, run: 3 });
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('… and 2950 more');
    const tiny = renderComment(f, templateProse(f), { sha: f.headSha, run: 3 }, 1500);
    expect(tiny.body.length).toBeLessThanOrEqual(1500);
    expect(tiny.body).toContain("left out to fit GitHub's comment size limit");
  });

  it('keeps the TL;DR to three lines', () => {
    const f = baseFacts({
      tests: { total: 10, passed: 8, failed: 2, skipped: 0 },
      newFailures: [{ name: 't1', file: null, line: null }],
      rootCauses: [
        {
          kind: 'import',
          title: "Cannot find module './x'",
          file: 'src/a.ts',
          line: 3,
          victims: 2,
          flaky: false,
          infra: false,
          fixable: true,
        },
      ],
      gate: {
        passed: false,
        failed: [{ metric: 'coverage', baseline: 90, current: 80, delta: -10, allowed: 5, message: '' }],
      },
      flaky: [{ name: 'f', evidence: 'retried' }],
    });
    const p = templateProse(f);
    expect(p.tldr.length).toBeLessThanOrEqual(3);
    const { body } = renderComment(f, p, { sha: f.headSha, run: 1 });
    expect(body.split('\n').filter((l) => l.startsWith('> '))).toHaveLength(3);
  });

  it('rejects LLM prose with numbers that are not in the facts', () => {
    const f = baseFacts({ tests: { total: 10, passed: 8, failed: 2, skipped: 0 } });
    const allowed = numbersIn(f);
    expect(unsupportedNumbers('2 of 10 tests failed; coverage 91.25%', allowed)).toEqual([]);
    expect(unsupportedNumbers('7 tests failed', allowed)).toEqual(['7']);
  });
});
