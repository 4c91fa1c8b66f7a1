/** The model as JSON (`matrix --format json` prints it under `model`): every team's profile, each entry with its position in the policy. */
import type { LoadedPolicy, Location } from '../load/index.js';
import type { RewardModel } from './build.js';
import type { RewardEntry } from './entry.js';

interface Place {
  file: string;
  line: number;
  column: number;
}

export interface ModelJson {
  asOf?: string;
  teams: { team: string; entries: EntryJson[] }[];
}

type EntryJson = Omit<RewardEntry, 'line' | 'nodes' | 'guards'> & {
  component: RewardEntry['line']['component'];
  at?: Place;
  guards: (Omit<RewardEntry['guards'][number], 'node'> & { at?: Place })[];
};

export function modelJson(model: RewardModel, loaded: LoadedPolicy): ModelJson {
  const place = (node: object): Place | undefined => {
    const location: Location | undefined = loaded.provenance.locate(node);
    return location && { file: location.file, line: location.line, column: location.column };
  };
  const entry = ({ line, nodes, guards, ...rest }: RewardEntry): EntryJson => ({
    ...rest,
    component: line.component,
    at: place(nodes[0]!),
    guards: guards.map(({ node, ...guard }) => ({ ...guard, at: place(node) })),
  });
  return { asOf: model.asOf, teams: model.profiles().map((profile) => ({ team: profile.team, entries: profile.entries.map(entry) })) };
}
