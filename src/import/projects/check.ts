import * as v from 'valibot';
import { ProjectSchema } from '../../data/schema';
import { type Registry } from '../../data/registry';
import { describeIssue } from '../../data/rules/collect';
import { checkLonLat, type LonLat } from '../../geometry/coordinates';
import { pointInGeometry } from '../../geometry/overlaps';
import { text, type Text } from '../text';
import { segmentsOf } from './resolve';

/**
 * Checks one project record by the registry's schema and by the rules that concern it alone —
 * its park and chain exist, its segment belongs to its chain, its location lies in its park —
 * without validating the whole registry: what the importer runs per row and the edit form runs
 * as the user types. The whole merged registry is still validated before anything is applied.
 */

/** A project as plain JSON, before the schema has passed it. */
export type ProjectRecord = Readonly<Record<string, unknown>>;

/** The registry lookups a record check needs, built once per registry. */
export interface CheckContext {
  readonly parks: ReadonlyMap<string, Registry['parks'][number]>;
  readonly chains: ReadonlyMap<string, Registry['chains'][number]>;
}

/**
 * One problem of a record, in both languages, with the key path it concerns (`['year']`,
 * `['sources', 0, 'url']`; empty for the record as a whole), so a form can put it beside its field.
 */
export interface RecordProblem extends Text {
  readonly path: readonly (string | number)[];
}

const at = (path: readonly (string | number)[], message: Text): RecordProblem => ({
  ...message,
  path,
});

/** The lookups of {@link checkProject} over a registry. */
export function checkContext(registry: Registry): CheckContext {
  return {
    parks: new Map(registry.parks.map((park) => [park.properties.id, park])),
    chains: new Map(registry.chains.map((chain) => [chain.id, chain])),
  };
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  id: '编号',
  name: '名称',
  park: '园区',
  chain: '产业链',
  status: '项目状态',
  year: '年份',
  investment_cny_100m: '总投资',
  location: '坐标',
  sources: '来源',
};

function schemaProblems(record: ProjectRecord): RecordProblem[] {
  const result = v.safeParse(ProjectSchema, record);
  if (result.success) return [];
  return result.issues.map((issue) => {
    const path = (issue.path ?? [])
      .map((item) => item.key)
      .filter((key): key is string | number => typeof key === 'string' || typeof key === 'number');
    const field = typeof path[0] === 'string' ? path[0] : '';
    const en = describeIssue(issue, field || 'the record');
    return at(path, text(`${FIELD_NAMES[field] ?? field}：${en}`, en));
  });
}

/** The record's problems, in both languages; none when it may go into the registry. */
export function checkProject(record: ProjectRecord, context: CheckContext): RecordProblem[] {
  const problems = schemaProblems(record);
  const parkId = record['park'];
  const park = typeof parkId === 'string' ? context.parks.get(parkId) : undefined;
  if (typeof parkId === 'string' && !park) {
    problems.push(
      at(['park'], text(`没有编号为「${parkId}」的园区`, `no park with id "${parkId}"`)),
    );
  }
  const chainId = record['chain'];
  const chain = typeof chainId === 'string' ? context.chains.get(chainId) : undefined;
  if (typeof chainId === 'string' && !chain) {
    problems.push(
      at(['chain'], text(`没有编号为「${chainId}」的产业链`, `no chain with id "${chainId}"`)),
    );
  }
  const segment = record['segment'];
  if (chain && typeof segment === 'string' && !segmentsOf(chain).some((s) => s.id === segment)) {
    problems.push(
      at(
        ['segment'],
        text(
          `环节「${segment}」不属于产业链「${chain.name.zh}」`,
          `segment "${segment}" is not a segment of chain "${chain.name.en}"`,
        ),
      ),
    );
  }
  const location = record['location'];
  if (
    Array.isArray(location) &&
    location.length === 2 &&
    location.every((n) => typeof n === 'number')
  ) {
    const point = location as unknown as LonLat;
    const position = checkLonLat(point);
    for (const problem of position)
      problems.push(
        at(['location'], text(`坐标：${problem.message}`, `location: ${problem.message}`)),
      );
    if (position.length === 0 && park && !pointInGeometry(point, park.geometry)) {
      problems.push(
        at(
          ['location'],
          text(
            `坐标 ${point[0]}, ${point[1]} 不在园区「${park.properties.name.zh}」内`,
            `location ${point[0]}, ${point[1]} is not inside its park "${park.properties.name.en ?? park.properties.name.zh}"`,
          ),
        ),
      );
    }
  }
  return problems;
}
