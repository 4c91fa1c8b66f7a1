/**
 * What the package ships: its license, as package.json names it, inside what `npm pack` packs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string };

describe('the package', () => {
  it('has the MIT license package.json names, with its copyright line, and npm pack ships it', () => {
    expect(packageJson.license).toBe('MIT');
    const license = fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toMatch(/^Copyright \(c\) \d{4} the incentive-lint maintainers$/m);
    expect(license).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
    // --ignore-scripts: the listing only, without the build that `prepare` runs before a real pack.
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const [{ files }] = JSON.parse(pack.stdout) as [{ files: { path: string }[] }];
    expect(files.map((file) => file.path)).toContain('LICENSE');
  });
});
