import { describe, expect, it } from 'vitest';
import { chainCoverage } from '../../../src/domain/chains/coverage';
import { chainReportCsv } from '../../../src/domain/chains/report';
import { WHOLE_REGISTRY } from '../../../src/domain/chains/scope';
import { aero, firm, fixtureIndex, project } from './fixture';

function rows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('the chain report CSV', () => {
  const context = {
    chain: aero,
    parkName: (id: string) => `园区${id}`,
    wholeRegistry: true,
    asOf: '2026-11',
  };

  it('has one row per segment in strip order, then the projects without a segment', () => {
    const coverage = chainCoverage(fixtureIndex(), 'aero', WHOLE_REGISTRY);
    const table = rows(chainReportCsv(coverage!, { ...context, lang: 'zh' }));
    expect(table[0]?.[0]).toBe('产业链编号 (chain_id)');
    expect(table.slice(1).map((row) => row[3])).toEqual([
      'a-materials',
      'a-parts',
      'a-assembly',
      'a-mro',
      'a-services',
      '',
    ]);
    const parts = table[2]!;
    const column = (key: string): string | undefined =>
      parts[table[0]!.findIndex((header) => header.endsWith(`(${key})`))];
    expect(column('projects')).toBe('2');
    expect(column('parks')).toBe('2');
    expect(column('park_names')).toBe('园区p-main-aero; 园区p-linked');
    expect(column('firms')).toBe('1');
    expect(column('investment_known_cny_100m')).toBe('10');
    expect(column('projects_investment_unknown')).toBe('1');
    expect(column('coverage')).toBe('已有（本登记有记录）');
    expect(column('weak_below')).toBe('3');
    expect(table[5]?.[15]).toBe('空白（本登记无记录）');
    expect(table[6]?.[4]).toBe('（未分环节）');
  });

  it('writes English labels and says when the filters narrowed the count', () => {
    const coverage = chainCoverage(fixtureIndex(), 'aero', WHOLE_REGISTRY);
    const csv = chainReportCsv(coverage!, { ...context, wholeRegistry: false, lang: 'en' });
    expect(csv).toContain('Coverage in this registry (coverage)');
    expect(csv).toContain(
      ',Parks passing the kind/level/district filters (projects without a park not counted),',
    );
  });

  it('guards against formula injection in names', () => {
    const index = fixtureIndex({
      projects: [project('p', 'aero', 'a-parts', 'x')],
      firms: [{ ...firm('f', 'aero', ['a-parts'], 'x'), name: { zh: '=HYPERLINK("x")' } }],
    });
    const csv = chainReportCsv(chainCoverage(index, 'aero', WHOLE_REGISTRY)!, {
      ...context,
      parkName: () => '+cmd',
      lang: 'zh',
    });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(",'+cmd,");
  });
});
