/**
 * One impact run: resolve the configuration once, lint both versions under it, and price and judge
 * every plan of both (see model.ts). `diff --impact` and `report --since` both run this, so the
 * figures the page shows are the ones the command prints.
 */
import { InputError, type Diagnostic } from '../diagnostics.js';
import { todayUtc } from '../lint.js';
import { resolveAsOf } from '../model/as-of.js';
import { DEFAULT_DISTRIBUTION, DEFAULT_DRAWS, DEFAULT_SEED } from '../population/model.js';
import { resolveConfig, type ConfigOptions } from '../resolve-config.js';
import { buildImpact, type ImpactOptions, type ImpactReport } from './model.js';
import { lintVersion, type VersionSource } from './versions.js';

export interface ImpactRunOptions extends Partial<Omit<ImpactOptions, 'date'>>, Pick<ConfigOptions, 'config'> {
  cwd?: string;
  /** The date both versions are simulated at (default: the later version's announcement, else today). */
  date?: string;
  /** Today, for waivers and the default date. */
  today?: string;
  maxExactItems?: number;
  ruleTimeoutMs?: number;
}

export async function runImpact(
  base: VersionSource,
  head: VersionSource,
  paths: readonly string[],
  options: ImpactRunOptions = {},
): Promise<{ report: ImpactReport } | { diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayUtc();
  let config: Awaited<ReturnType<typeof resolveConfig>>;
  try {
    config = await resolveConfig({ cwd, ...(options.config !== undefined && { config: options.config }) });
  } catch (error) {
    if (error instanceof InputError) return { diagnostics: error.diagnostics };
    throw error;
  }
  if (config.diagnostics.length > 0) return { diagnostics: config.diagnostics };
  const versionOptions = { cwd, config, today, maxExactItems: options.maxExactItems, ruleTimeoutMs: options.ruleTimeoutMs };
  const before = await lintVersion(base, paths, versionOptions);
  if ('diagnostics' in before) return before;
  const after = await lintVersion(head, paths, versionOptions);
  if ('diagnostics' in after) return after;
  if (!before.version.loaded && !after.version.loaded) {
    const where = paths.length > 0 ? paths.join(', ') : '.';
    return {
      diagnostics: [
        {
          message: `no policy files under ${where} at ${before.version.label} or at ${after.version.label}: name the folder or files that hold the policy, such as \`diff --impact ${before.version.label} ${after.version.label} policy/\``,
          source: 'usage',
        },
      ],
    };
  }
  const { date } = resolveAsOf({
    date: options.date,
    announced: after.version.loaded?.policy.strategy.announced ?? before.version.loaded?.policy.strategy.announced,
    today,
  });
  return {
    report: buildImpact(before.version, after.version, {
      seed: options.seed ?? DEFAULT_SEED,
      draws: options.draws ?? DEFAULT_DRAWS,
      distribution: options.distribution ?? DEFAULT_DISTRIBUTION,
      date,
      ...(options.ignoreRoster !== undefined && { ignoreRoster: options.ignoreRoster }),
      ...(options.levels !== undefined && { levels: options.levels }),
      ...(options.maxCostChangePoints !== undefined && { maxCostChangePoints: options.maxCostChangePoints }),
    }),
  };
}
