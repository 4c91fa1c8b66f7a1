/**
 * The benchmark's generated company (bench/generate.ts) is examples/aligned.yaml grown to size. With
 * no seeded violation, every rule must stay silent on it: a precision check at scale, with hundreds
 * of teams, handoff chains and instruments. With seeded violations, findings follow the share.
 */
import { describe, expect, it } from 'vitest';
import { generatePolicy, writePolicy } from '../bench/generate.js';
import { lint } from '../src/lint.js';
import { tempDir } from './helpers.js';

describe('generated policy', () => {
  it.each([1, 12])('has no finding at all when no violation is seeded (%i files)', async (files) => {
    const dir = tempDir();
    const target = writePolicy(dir, generatePolicy({ plans: 700, files, seed: 11, violationShare: 0 }));
    const result = await lint([target], { cwd: dir, today: '2026-06-01' });
    expect(result.diagnostics).toEqual([]);
    expect(result.findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([]);
  });

  it('reports about one finding per seeded violation', async () => {
    const dir = tempDir();
    const target = writePolicy(dir, generatePolicy({ plans: 1000, seed: 11, violationShare: 0.05 }));
    const { findings } = await lint([target], { cwd: dir, today: '2026-06-01' });
    // 1,000 plans, 500 OKR sets, 60 ladders and programs: about 78 seeded violations at 5%.
    expect(findings.length).toBeGreaterThan(40);
    expect(findings.length).toBeLessThan(160);
  });
});
