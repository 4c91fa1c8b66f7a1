/**
 * Public plan descriptions written in the format (test/fixtures/real): each names its source and
 * reads without an input error, so a real quota plan can be written without inventing a flat rate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const FOLDER = path.join(ROOT, 'test', 'fixtures', 'real');
const PLANS = ['gitlab-fy21-commissions.yaml', 'posthog-sales.yaml', 'sourcegraph-commissions.yaml'];

describe.each(PLANS)('test/fixtures/real/%s', (name) => {
  const text = fs.readFileSync(path.join(FOLDER, name), 'utf8');

  it('names its source with a URL in the header comment', () => {
    const header = text.slice(0, text.indexOf('\nversion: 1'));
    expect(header).toMatch(/^# Sources?: .+/m);
    expect(header).toMatch(/https:\/\/\S+/);
  });

  it('reads without an input error, with its quota plans omitting their rates', async () => {
    const { diagnostics } = await lint([path.join(FOLDER, name)], { cwd: ROOT, today: '2026-11-23' });
    expect(diagnostics).toEqual([]);
    expect(text).toMatch(/^ {4}quotas:/m);
  });
});
