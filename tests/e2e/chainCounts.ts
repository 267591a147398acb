import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What the chain view's segment cards must say, computed from the data files read here from geo/
 * (independently of the app's code), and what they do say: shared by the chain view's e2e and
 * the project importer's, which checks that an import moves the counts by what it added.
 */

const GEO = resolve(import.meta.dirname, '../../geo');
const read = (name: string): string => readFileSync(resolve(GEO, name), 'utf8');

/** A segment of geo/chains.json. */
export interface Segment {
  id: string;
  name: { zh: string; en: string };
}

/** A chain of geo/chains.json. */
export interface ChainRecord {
  id: string;
  name: { zh: string; en: string };
  segments: Segment[];
  former_ids: string[];
}

/** The fields of a project the counts depend on. */
export interface ProjectRecord {
  id: string;
  park: string | null;
  chain: string;
  segment: string | null;
}

interface FirmRecord {
  id: string;
  park: string | null;
  chain: string;
  segments: string[];
}

/** geo/chains.json's chains. */
export const chains = (JSON.parse(read('chains.json')) as { chains: ChainRecord[] }).chains;
/** geo/projects.json as shipped. */
export const projectsFile = JSON.parse(read('projects.json')) as { projects: ProjectRecord[] };
const firms = (JSON.parse(read('firms.json')) as { firms: FirmRecord[] }).firms;

/** What a segment's card must count, from the files (or from `projects` in their place). */
export function expectedCounts(
  chain: ChainRecord,
  segmentId: string,
  projects: readonly ProjectRecord[] = projectsFile.projects,
): { projects: number; parks: string[]; firms: number } {
  const inSegment = projects.filter((p) => p.chain === chain.id && p.segment === segmentId);
  const firmsIn = firms.filter((f) => f.chain === chain.id && f.segments.includes(segmentId));
  const parks = new Set<string>();
  for (const record of [...inSegment, ...firmsIn]) if (record.park !== null) parks.add(record.park);
  return { projects: inSegment.length, parks: [...parks].sort(), firms: firmsIn.length };
}

/** The first three figures (projects, parks, key firms) a segment card shows, as the app writes them in Chinese. */
export function expectedFigures(
  chain: ChainRecord,
  segmentId: string,
  projects: readonly ProjectRecord[] = projectsFile.projects,
): string[] {
  const counts = expectedCounts(chain, segmentId, projects);
  return [
    `${counts.projects} 个项目`,
    `${counts.parks.length} 个园区`,
    `${counts.firms} 家重点企业`,
  ];
}

/** The figures each segment button of the open chain shows, by segment id. */
export function segmentTexts(page: Page): Promise<Record<string, string[]>> {
  return page
    .locator('.segment-card')
    .evaluateAll((cards) =>
      Object.fromEntries(
        cards.map((card) => [
          card.querySelector<HTMLElement>('.segment-button')?.dataset.segmentId ?? '',
          [...card.querySelectorAll('.segment-figures > span')].map((s) => s.textContent ?? ''),
        ]),
      ),
    );
}
