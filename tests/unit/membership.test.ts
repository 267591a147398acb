import { describe, expect, it } from 'vitest';
import {
  chainsByCluster,
  compareParks,
  indexRegistry,
  parkChainRecords,
  parkChains,
} from '../../src/domain/membership';
import {
  CHAIN,
  CLUSTER,
  PARK,
  buildRegistry,
  makePark,
  makeProject,
  registry,
} from '../fixtures/sampleRegistry';

const ids = (parks: readonly { properties: { id: string } }[]): string[] =>
  parks.map((park) => park.properties.id);

describe('parkChains', () => {
  it('is the lead chains, in their designated order', () => {
    const etdz = registry.parks.find((park) => park.properties.id === PARK.etdz);
    expect(etdz && parkChains(etdz.properties)).toEqual([CHAIN.materials, CHAIN.aerospace]);
  });

  it('never counts the free-text industries a report lists', () => {
    const park = makePark(
      {
        id: 'yz-edz',
        name: { zh: '扬中经济开发区' },
        kind: 'main',
        level: 'provincial',
        district: '扬中市',
        lead: [CHAIN.power],
      },
      [119.85, 32.25],
      {
        industries: [
          { zh: '新能源', en: 'New energy' },
          { zh: '新一代信息技术', en: 'New-generation IT' },
        ],
      },
    );
    expect(parkChains(park.properties)).toEqual([CHAIN.power]);
  });
});

describe('chainsByCluster', () => {
  it('groups chains under their cluster, both in registry order', () => {
    const grouped = chainsByCluster(registry);
    expect([...grouped.keys()]).toEqual([
      CLUSTER.equipment,
      CLUSTER.materials,
      CLUSTER.digital,
      CLUSTER.health,
    ]);
    expect(grouped.get(CLUSTER.equipment)?.map((chain) => chain.id)).toEqual([
      CHAIN.power,
      CHAIN.ships,
      CHAIN.aerospace,
    ]);
    expect(grouped.get(CLUSTER.materials)?.map((chain) => chain.id)).toEqual([
      CHAIN.materials,
      CHAIN.newEnergy,
    ]);
  });

  it('keeps an empty cluster and leaves out a chain whose cluster is unknown', () => {
    const [power, ships] = registry.chains;
    if (!power || !ships) throw new Error('fixture has chains');
    const grouped = chainsByCluster(
      buildRegistry({ chains: [power, { ...ships, cluster: 'no-such-cluster' }] }),
    );
    expect(grouped.get(CLUSTER.equipment)?.map((chain) => chain.id)).toEqual([CHAIN.power]);
    expect(grouped.get(CLUSTER.health)).toEqual([]);
    expect(grouped.has('no-such-cluster')).toBe(false);
  });
});

describe('compareParks', () => {
  const park = (
    id: string,
    zh: string,
    kind: 'main' | 'linked' | 'elevated',
    level: 'national' | 'provincial' | 'municipal' | 'county',
  ) => makePark({ id, name: { zh }, kind, level, district: '润州区', lead: [CHAIN.it] }).properties;

  it('orders main zones, then elevated-management parks, then linked parks', () => {
    const linked = park('a', '丹阳甲园', 'linked', 'national');
    const elevated = park('b', '丹阳乙园', 'elevated', 'county');
    const main = park('c', '镇江丙区', 'main', 'county');
    expect([linked, elevated, main].sort(compareParks).map((p) => p.id)).toEqual(['c', 'b', 'a']);
  });

  it('orders by level within a kind, national first', () => {
    const county = park('a', '丹阳', 'main', 'county');
    const municipal = park('b', '丹阳', 'main', 'municipal');
    const provincial = park('c', '丹阳', 'main', 'provincial');
    const national = park('d', '丹阳', 'main', 'national');
    expect([county, municipal, provincial, national].sort(compareParks).map((p) => p.id)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });

  it('orders by Chinese name in pinyin order, then by id', () => {
    const zhenjiang = park('a', '镇江经济技术开发区', 'main', 'national'); // zhen
    const guantang = park('b', '官塘创新社区', 'main', 'national'); // guan
    const danyang = park('c', '丹阳高新技术产业开发区', 'main', 'national'); // dan
    const danyangTwin = park('0', '丹阳高新技术产业开发区', 'main', 'national');
    expect([zhenjiang, guantang, danyang, danyangTwin].sort(compareParks).map((p) => p.id)).toEqual(
      ['0', 'c', 'b', 'a'],
    );
  });
});

describe('indexRegistry', () => {
  const index = indexRegistry(registry);

  it('lists parks in list order', () => {
    expect(ids(index.parks)).toEqual([
      PARK.hitech, // main, national, zhen gao
      PARK.etdz, // main, national, zhen jing
      PARK.danyangHitech, // main, provincial, dan
      PARK.jurong, // main, provincial, ju
      PARK.yangzhong, // main, provincial, yang
      PARK.guantang, // elevated
      PARK.aero, // linked, municipal
      PARK.dantuAuto, // linked, county
    ]);
  });

  it('looks parks, chains, clusters and projects up by id', () => {
    expect(index.parkById.get(PARK.guantang)?.properties.name.zh).toBe('官塘创新社区');
    expect(index.chainById.get(CHAIN.aerospace)?.name.zh).toBe('航空航天');
    expect(index.clusterById.get(CLUSTER.digital)?.name.zh).toBe('数字经济');
    expect(index.projectById.get('liandong-guantang')?.park).toBe(PARK.guantang);
    expect(index.parkById.get('no-such-park')).toBeUndefined();
  });

  it("sorts each park's projects by pinyin and gives every park an entry", () => {
    expect(index.projectsByPark.get(PARK.hitech)?.map((p) => p.id)).toEqual([
      'harbin-storage', // ha
      'zhenjiang-shipyard-tug', // zhen
      'ceec-power', // zhong
    ]);
    expect(index.projectsByPark.get(PARK.etdz)?.map((p) => p.id)).toEqual([
      'farasis-battery', // fu
      'sanxin-profiles', // san
      'sopo-eva', // suo
    ]);
    expect(index.projectsByPark.get(PARK.jurong)).toEqual([]);
    expect(index.projectsByPark.size).toBe(8);
  });

  it('links each main zone to its linked parks (一区多园)', () => {
    expect(ids(index.linkedParksByZone.get(PARK.etdz) ?? [])).toEqual([PARK.aero]);
    expect(index.linkedParksByZone.has(PARK.hitech)).toBe(false);
  });

  it('does not reorder or mutate the registry it indexes', () => {
    expect(registry.parks[0]?.properties.id).toBe(PARK.etdz);
    expect(index.registry).toBe(registry);
  });
});

describe('the projects of each park, from a registry in file order', () => {
  const park = (id: string, name: string) =>
    makePark({
      id,
      name: { zh: name },
      kind: 'main',
      level: 'county',
      district: '京口区',
      lead: [],
    });
  const project = (id: string, name: string, parkId: string | null, located: boolean) =>
    makeProject(
      { id, name: { zh: name }, park: parkId, chain: registry.chains[0]!.id },
      located ? { location: [119.45, 32.15] } : {},
    );
  // Parks out of list order (丙 bing, 甲 jia, 乙 yi) and projects interleaved across parks, out of
  // pinyin order, one of them of a park the registry lacks and one of no park.
  const data = buildRegistry({
    parks: [park('yi', '乙园'), park('jia', '甲园'), park('bing', '丙园')],
    projects: [
      project('p-zhong', '中', 'jia', true),
      project('p-lost', '失', 'no-such-park', true),
      project('p-an', '安', 'yi', false),
      project('p-bei', '北', 'jia', false),
      project('p-none', '无', null, true),
      project('p-ai', '爱', 'jia', true),
    ],
  });
  const index = indexRegistry(data);
  const projectIds = (parkId: string) => index.projectsByPark.get(parkId)?.map((p) => p.id);

  it('gives each park its own projects in pinyin order, and a park without any an empty list', () => {
    expect(ids(index.parks)).toEqual(['bing', 'jia', 'yi']);
    expect(projectIds('jia')).toEqual(['p-ai', 'p-bei', 'p-zhong']); // ai, bei, zhong
    expect(projectIds('yi')).toEqual(['p-an']);
    expect(projectIds('bing')).toEqual([]);
    expect(projectIds('no-such-park')).toBeUndefined();
    expect([...index.projectsByPark.keys()]).toEqual(['bing', 'jia', 'yi']);
  });

  it('finds every project by id, also those of no park or of a park the registry lacks', () => {
    expect(index.projectById.get('p-none')?.park).toBeNull();
    expect(index.projectById.get('p-lost')?.park).toBe('no-such-park');
    expect(index.projectById.get('p-bei')?.park).toBe('jia');
    expect(index.projectById.has('p-nothing')).toBe(false);
    expect(index.parkById.get('yi')?.properties.name.zh).toBe('乙园');
  });
});

describe('projectsByPark and parkChainRecords', () => {
  const index = indexRegistry(registry);

  it('gives a known park its projects and an unknown park none', () => {
    expect(index.projectsByPark.get(PARK.guantang)?.map((p) => p.id)).toEqual([
      'liandong-guantang',
      'zhenjiang-data-lake',
    ]);
    expect(index.projectsByPark.get('no-such-park')).toBeUndefined();
  });

  it("resolves a park's lead chains to records, skipping unknown ids", () => {
    const park = makePark({
      id: 'x',
      name: { zh: '测试园' },
      kind: 'main',
      level: 'county',
      district: '京口区',
      lead: ['no-such-chain', CHAIN.ships],
    });
    expect(parkChainRecords(index, park.properties).map((chain) => chain.name.zh)).toEqual([
      '船舶海工',
    ]);
  });
});

describe('fixtures', () => {
  it('are deep-frozen, so a mutation by code under test throws', () => {
    const park = registry.parks[0];
    if (!park) throw new Error('fixture has parks');
    expect(() => {
      (park.properties.lead as string[]).push(CHAIN.it);
    }).toThrow(TypeError);
    expect(() => {
      (park.properties as { kind: string }).kind = 'linked';
    }).toThrow(TypeError);
  });
});
