/**
 * --cache: parsed files are reused while their content, the tool version and the configuration are
 * unchanged; the output never depends on the cache, and a damaged cache is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePolicy, writePolicy } from '../bench/generate.js';
import { lint, resolveConfig } from '../src/index.js';
import { cacheSettings } from '../src/lint.js';
import { ParseCache } from '../src/load/cache.js';
import { BASE_POLICY, runCli, salesPlan, tempDir } from './helpers.js';

const FLAT_PLAN = salesPlan();

/** The findings of the two rules these policies are about, as rule@line:column. */
function findingLines(stdout: string) {
  const about = new Set(['flat-commission', 'recognition-mismatch']);
  return (JSON.parse(stdout) as { findings: Array<{ rule: string; line: number; column: number }> }).findings
    .filter((f) => about.has(f.rule))
    .map(({ rule, line, column }) => `${rule}@${line}:${column}`);
}

describe('--cache', () => {
  it('writes .incentive-lint-cache in the working folder and gives the same report from it', () => {
    const dir = tempDir({ 'policy/base.yaml': BASE_POLICY, 'policy/plans.yaml': `version: 1\n${FLAT_PLAN}` });
    const first = runCli(['policy', '--cache', '--format', 'json', '--today', '2026-06-01'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(fs.existsSync(path.join(dir, '.incentive-lint-cache'))).toBe(true);
    const second = runCli(['policy', '--cache', '--format', 'json', '--today', '2026-06-01'], { cwd: dir });
    expect(second).toEqual(first);
    expect(findingLines(second.stdout)).toEqual(['flat-commission@7:9']);
  });

  it('re-reads a file whose content changed', () => {
    const dir = tempDir({ 'policy/base.yaml': BASE_POLICY, 'policy/plans.yaml': `version: 1\n${FLAT_PLAN}` });
    expect(findingLines(runCli(['policy', '--cache', '--format', 'json'], { cwd: dir }).stdout)).toContain('flat-commission@7:9');
    fs.writeFileSync(
      path.join(dir, 'policy/plans.yaml'),
      `version: 1\n# fixed\n${FLAT_PLAN.replace('enterprise, rate: "8%"', 'enterprise, rate: "16%"')}`,
    );
    const after = runCli(['policy', '--cache', '--format', 'json'], { cwd: dir });
    expect(findingLines(after.stdout)).toEqual([]);
  });

  it('ignores a damaged cache file and replaces it', () => {
    const dir = tempDir({ 'policy.yaml': `${BASE_POLICY}${FLAT_PLAN}` });
    const clean = runCli(['policy.yaml', '--format', 'json'], { cwd: dir });
    const cacheFile = path.join(dir, '.incentive-lint-cache');
    expect(runCli(['policy.yaml', '--cache', '--format', 'json'], { cwd: dir })).toEqual(clean);
    const written = fs.readFileSync(cacheFile, 'utf8');
    for (const damaged of [
      '',
      'not json at all',
      written.slice(0, written.length / 2),
      written.replace('"kind":"policy"', '"kind":"policz"'),
      '{"key":1}\n[]',
      '\u0000\u0001',
    ]) {
      fs.writeFileSync(cacheFile, damaged);
      expect(runCli(['policy.yaml', '--cache', '--format', 'json'], { cwd: dir })).toEqual(clean);
      expect(fs.readFileSync(cacheFile, 'utf8')).toBe(written);
    }
  });

  it('puts the cache where --cache-location says, as a file or in a folder', () => {
    const dir = tempDir({ 'policy.yaml': `${BASE_POLICY}${FLAT_PLAN}`, 'caches/.keep': '' });
    expect(runCli(['policy.yaml', '--cache', '--cache-location', 'my-cache.json'], { cwd: dir }).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'my-cache.json'))).toBe(true);
    expect(runCli(['policy.yaml', '--cache', '--cache-location', 'caches'], { cwd: dir }).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'caches', '.incentive-lint-cache'))).toBe(true);
    expect(fs.existsSync(path.join(dir, '.incentive-lint-cache'))).toBe(false);
  });

  it('reuses the cached documents only for unchanged content and the same configuration', async () => {
    const dir = tempDir();
    const target = writePolicy(dir, generatePolicy({ plans: 60, files: 4, seed: 5, violationShare: 0.2 }));
    const cacheLocation = path.join(dir, 'cache');
    const options = { cwd: dir, today: '2026-06-01', cache: true, cacheLocation };
    const uncached = await lint([target], { cwd: dir, today: '2026-06-01' });
    const written = await lint([target], options);
    const reused = await lint([target], options);
    const strip = (result: typeof uncached) =>
      result.findings.map(({ rule, message, file, line, column, endLine, endColumn }) => ({
        rule,
        message,
        file,
        line,
        column,
        endLine,
        endColumn,
      }));
    expect(strip(written)).toEqual(strip(uncached));
    expect(strip(reused)).toEqual(strip(uncached));

    const files = fs
      .readdirSync(target)
      .sort()
      .map((name) => path.join(target, name));
    const config = await resolveConfig({ cwd: dir });
    const cache = new ParseCache(cacheLocation, cacheSettings(config, undefined));
    for (const file of files) expect(cache.get(file, ParseCache.hash(fs.readFileSync(file)))?.kind).toBe('policy');
    expect(cache.get(files[1]!, ParseCache.hash(Buffer.from('changed')))).toBeUndefined();
    const otherConfig = await resolveConfig({ cwd: dir, rules: { 'flat-commission': 'off' } });
    expect(
      new ParseCache(cacheLocation, cacheSettings(otherConfig, undefined)).get(files[1]!, ParseCache.hash(fs.readFileSync(files[1]!))),
    ).toBeUndefined();
  });
});
