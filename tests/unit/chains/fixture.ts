import type { Source } from '../../../src/data/schema';
import { buildChainIndex } from '../../../src/domain/chains/chainIndex';
import type {
  ChainLike,
  FirmLike,
  ParkLike,
  ProjectLike,
  SegmentLike,
  SegmentStage,
} from '../../../src/domain/chains/types';
import { deepFreeze } from '../../fixtures/sampleRegistry';

/**
 * A small chain registry in the agreed #13 shape, for the chain logic's unit tests. Test data,
 * not facts: ids and counts are chosen to exercise each rule (a weak and a gap segment, a project
 * without a park, a firm in two segments, parks with and without room for another lead chain).
 */

const SOURCE: Source = { title: 'Unit-test fixture (not a real source)' };

function segment(id: string, stage: SegmentStage): SegmentLike {
  return {
    id,
    name: { zh: `环节 ${id}`, en: `Segment ${id}` },
    stage,
    basis: 'generic',
    editors_draft: true,
    sources: [SOURCE],
  };
}

export const aero: ChainLike = {
  id: 'aero',
  name: { zh: '航空航天', en: 'Aerospace' },
  segments: [
    segment('a-materials', 'upstream'),
    segment('a-parts', 'midstream'),
    segment('a-assembly', 'midstream'),
    segment('a-mro', 'downstream'),
    segment('a-services', 'services'),
  ],
  former_ids: [],
};

export const ships: ChainLike = {
  id: 'ships',
  name: { zh: '船舶海工', en: 'Ships' },
  segments: [segment('s-design', 'upstream'), segment('s-build', 'midstream')],
  former_ids: ['old-marine'],
};

export const bio: ChainLike = {
  id: 'bio',
  name: { zh: '生物医药', en: 'Biopharma' },
  segments: [segment('b-drugs', 'midstream')],
  former_ids: ['med-bio'],
};

export const devices: ChainLike = {
  id: 'devices',
  name: { zh: '医疗器械', en: 'Medical devices' },
  segments: [segment('d-devices', 'midstream')],
  former_ids: ['med-bio'],
};

/** Parks in list order. */
export const parks: readonly ParkLike[] = [
  { id: 'p-main-aero', kind: 'main', lead: ['aero'] },
  { id: 'p-main-two', kind: 'main', lead: ['ships', 'bio'] },
  { id: 'p-main-one', kind: 'main', lead: ['ships'] },
  { id: 'p-linked', kind: 'linked', lead: ['ships'] },
  { id: 'p-elevated', kind: 'elevated', lead: ['bio'] },
];

export function project(
  id: string,
  chain: string,
  segmentId: string | null,
  park: string | null,
  more: Partial<ProjectLike> = {},
): ProjectLike {
  return {
    id,
    name: { zh: `项目 ${id}` },
    park,
    chain,
    segment: segmentId,
    status: 'operating',
    year: null,
    investment_cny_100m: null,
    ...more,
  };
}

export const projects: readonly ProjectLike[] = [
  project('pr1', 'aero', 'a-parts', 'p-main-aero', { year: 2021, investment_cny_100m: 10 }),
  project('pr2', 'aero', 'a-parts', 'p-linked', { status: 'signed', year: 2023 }),
  project('pr3', 'aero', 'a-materials', 'p-main-two', {
    status: 'planned',
    investment_cny_100m: 5,
  }),
  project('pr4', 'aero', 'a-assembly', 'p-main-aero', {
    status: 'under-construction',
    year: 2023,
    investment_cny_100m: 20,
  }),
  project('pr5', 'aero', 'a-mro', null, { status: 'signed', year: 2024, investment_cny_100m: 3 }),
  project('pr6', 'aero', null, 'p-main-one', { year: 2020 }),
  project('pr7', 'ships', 's-build', 'p-linked'),
];

export function firm(
  id: string,
  chain: string,
  segments: readonly string[],
  park: string | null,
): FirmLike {
  return { id, name: { zh: `企业 ${id}` }, park, chain, segments, role: 'key-firm' };
}

export const firms: readonly FirmLike[] = [
  firm('f1', 'aero', ['a-parts', 'a-materials'], 'p-main-aero'),
  firm('f2', 'aero', ['a-mro'], null),
  firm('f3', 'ships', ['s-build'], 'p-linked'),
];

/** The fixture's chain index. */
export function fixtureIndex(
  overrides: { projects?: readonly ProjectLike[]; firms?: readonly FirmLike[] } = {},
): ReturnType<typeof buildChainIndex> {
  return buildChainIndex(
    deepFreeze({
      chains: [aero, ships, bio, devices],
      projects: overrides.projects ?? projects,
      firms: overrides.firms ?? firms,
      parkOrder: parks.map((park) => park.id),
    }),
  );
}
