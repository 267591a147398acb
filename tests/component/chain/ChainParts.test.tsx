import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { chainCoverage } from '../../../src/domain/chains/coverage';
import { chainPipeline } from '../../../src/domain/chains/pipeline';
import { rankParksForSegment } from '../../../src/domain/chains/ranking';
import { WHOLE_REGISTRY } from '../../../src/domain/chains/scope';
import PipelineChart from '../../../src/ui/chain/PipelineChart';
import PlacementList from '../../../src/ui/chain/PlacementList';
import SegmentStrip from '../../../src/ui/chain/SegmentStrip';
import { CHAIN_STRING_KEYS, ct } from '../../../src/ui/chain/strings';
import { fixtureIndex, parks } from '../../unit/chains/fixture';

const index = fixtureIndex();
const coverage = chainCoverage(index, 'aero', WHOLE_REGISTRY)!;

describe('the segment strip', () => {
  it('has one button per segment, named by the segment, with counts and coverage as text', () => {
    render(() => (
      <SegmentStrip segments={coverage.segments} selected="a-parts" lang="zh" onSelect={() => {}} />
    ));
    const parts = screen.getByRole('button', { name: '环节 a-parts' });
    expect(parts.getAttribute('aria-pressed')).toBe('true');
    const facts = document.getElementById(parts.getAttribute('aria-describedby')!)!;
    expect(facts.textContent).toContain('2 个项目');
    expect(facts.textContent).toContain('2 个园区');
    expect(facts.textContent).toContain('1 家重点企业');
    expect(facts.textContent).toContain('已有');
    const gap = screen.getByRole('button', { name: '环节 a-services' });
    expect(document.getElementById(gap.getAttribute('aria-describedby')!)!.textContent).toContain(
      '空白',
    );
    // Stage headings in order.
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual([
      '上游',
      '中游',
      '下游',
      '服务',
    ]);
  });

  it('selects a segment, and a second click on the selected one clears it', () => {
    const onSelect = vi.fn();
    render(() => (
      <SegmentStrip segments={coverage.segments} selected="a-parts" lang="en" onSelect={onSelect} />
    ));
    fireEvent.click(screen.getByRole('button', { name: 'Segment a-mro' }));
    fireEvent.click(screen.getByRole('button', { name: 'Segment a-parts' }));
    expect(onSelect.mock.calls).toEqual([['a-mro'], [null]]);
  });
});

describe('where can a new project go', () => {
  it('lists the ranked parks as buttons named by the parks, with their reasons spelled out', () => {
    const onOpen = vi.fn();
    render(() => (
      <PlacementList
        ranking={rankParksForSegment(index, parks, 'aero', 'a-assembly', WHOLE_REGISTRY)}
        chainIndex={index}
        lang="zh"
        parkName={(id) => ({ zh: `园区${id}` })}
        onOpenPark={onOpen}
      />
    ));
    const items = screen
      .getAllByRole('listitem')
      .filter((li) => li.parentElement?.tagName === 'OL');
    expect(items.map((li) => within(li).getAllByRole('button')[0]!.textContent)).toEqual([
      '园区p-main-aero',
      '园区p-main-one',
      '园区p-main-two',
      '园区p-linked',
    ]);
    expect(items[0]!.textContent).toContain('以本链为主导产业');
    expect(items[0]!.textContent).toContain('本环节已有 1 个项目');
    expect(items[0]!.textContent).toContain('上游“环节 a-materials”有 1 家企业');
    expect(items[3]!.textContent).toContain('违反“一园区一主导产业”');
    fireEvent.click(screen.getByRole('button', { name: '园区p-main-one' }));
    expect(onOpen).toHaveBeenCalledWith('p-main-one');
  });
});

describe('the pipeline chart', () => {
  it('gives numbers per status and year in a table, not only bars', () => {
    render(() => (
      <PipelineChart pipeline={chainPipeline(index, 'aero', WHOLE_REGISTRY)!} lang="zh" />
    ));
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows[0]).toContain('规划');
    expect(rows.at(-1)).toContain('年份未知');
    expect(screen.getByText('签约: 2')).toBeTruthy();
  });
});

describe('the chain view’s strings', () => {
  it('has every string in both languages with the same placeholders', () => {
    for (const key of CHAIN_STRING_KEYS) {
      const zh = ct(key, 'zh');
      const en = ct(key, 'en');
      expect(zh.length, key).toBeGreaterThan(0);
      expect(en.length, key).toBeGreaterThan(0);
      const names = (text: string): string[] =>
        [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      expect(names(zh), key).toEqual(names(en));
    }
  });
});
