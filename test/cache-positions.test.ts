/**
 * With --cache, a small policy keeps its positions from the exact parser, as without the cache:
 * the cache skips parsing and validation, not the path positions come from.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { FastSource } from '../src/load/fast/index.js';
import { SourceDocument } from '../src/load/index.js';
import { policyWith, salesPlan, tempDir } from './helpers.js';

describe('--cache on a small policy', () => {
  it('locates findings with the exact parser on a cache hit, at the same places as without the cache', async () => {
    const cwd = tempDir({ 'policy.yaml': `# a comment first\n${policyWith(salesPlan('8%', '8%'))}` });
    const plain = await lint(['policy.yaml'], { cwd, today: '2026-06-01' });
    const written = await lint(['policy.yaml'], { cwd, today: '2026-06-01', cache: true });
    const hit = await lint(['policy.yaml'], { cwd, today: '2026-06-01', cache: true });
    expect(plain.diagnostics).toEqual([]);
    expect(plain.loaded!.sources[0]).toBeInstanceOf(SourceDocument);
    expect(written.loaded!.sources[0]).toBeInstanceOf(SourceDocument);
    // The hit did not parse up front, and its source is not the fast loader's.
    expect(hit.loaded!.sources[0]).not.toBeInstanceOf(SourceDocument);
    expect(hit.loaded!.sources[0]).not.toBeInstanceOf(FastSource);
    expect(hit.findings.length).toBeGreaterThan(0);
    expect(hit.findings).toEqual(plain.findings);
    expect(written.findings).toEqual(plain.findings);
  });

  it('keeps the fast path for a policy the fast loader reads', async () => {
    const cwd = tempDir({ 'policy.yaml': policyWith(salesPlan('8%', '8%')) });
    const plain = await lint(['policy.yaml'], { cwd, today: '2026-06-01', loader: 'fast' });
    await lint(['policy.yaml'], { cwd, today: '2026-06-01', loader: 'fast', cache: true });
    const hit = await lint(['policy.yaml'], { cwd, today: '2026-06-01', loader: 'fast', cache: true });
    expect(hit.loaded!.sources[0]).toBeInstanceOf(FastSource);
    expect(hit.findings).toEqual(plain.findings);
  });
});
