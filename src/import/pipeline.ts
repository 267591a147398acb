import type { District, ParkKind, ParkLevel } from '../data/schema';
import type { Registry } from '../data/registry';
import { convertSource, type ConvertedSource } from './convert';
import { crsById, withShift, type CrsDef } from './crs';
import { shiftById } from './datum';
import { matchFeatures, suggestMatchField, type MatchResult } from './match';
import { mergeImport, type ImportedQuality, type MergeResult, type NewParkInput } from './merge';
import type { ImportSource } from './parse';

/** Everything a person (or the command line) decides about one file. */
export interface ImportChoices {
  /**
   * 'auto' (what the file states; a system only guessed from the numbers or the name is not
   * taken: the plan stops at 'crs-unconfirmed'), a system id, or an EPSG code — with `|swap`
   * when the file holds northing or latitude first (as a {@link CrsCandidate}'s {@link candidateChoice}).
   */
  readonly crs: string;
  /**
   * The datum shift: 'default' (or absent: the .prj's own TOWGS84, else the built-in one), 'none',
   * 'epsg:15919', or seven parameters 'towgs84:dx,dy,dz,rx,ry,rz,ds'.
   */
  readonly datumShift?: string;
  /** The attribute that names the parks; null: the one that matches most parks. */
  readonly matchField: string | null;
  readonly boundary: ImportedQuality;
  /** Features assigned by hand: feature index → park id, or null to leave it out. */
  readonly manual?: ReadonlyMap<number, string | null>;
  readonly newParks?: readonly NewParkInput[];
  /** Today, YYYY-MM-DD: the date in the boundary notes and the new parks' `as_of`. */
  readonly date: string;
}

/**
 * Why a plan stops before it is complete: the system cannot be known from the file (`crs-unknown`),
 * the file does not state it and the numbers fit one or more systems, so a person must choose
 * (`crs-unconfirmed`: never act on a guess), a chosen system or datum shift is not one the importer
 * knows (`crs-unrecognised`, `shift-unrecognised`), or a chosen match field is not in the file
 * (`field-missing`).
 */
export type PlanStop =
  'crs-unknown' | 'crs-unconfirmed' | 'crs-unrecognised' | 'shift-unrecognised' | 'field-missing';

/**
 * One file taken through the importer's stages: the system settled, the polygons converted, the
 * features matched to parks and merged into a new parks file. Each stage is null when an earlier
 * one stopped (`stop` says why). Validation is not part of it: it is the expensive step, and the
 * callers run it once, when they need it.
 */
export interface ImportPlan {
  readonly source: ImportSource;
  readonly registry: Registry;
  readonly choices: ImportChoices;
  readonly stop: PlanStop | null;
  readonly crs: CrsDef | null;
  readonly converted: ConvertedSource | null;
  /** The match field in use (null when the file has no attribute to match by). */
  readonly field: string | null;
  readonly match: MatchResult | null;
  readonly merged: MergeResult | null;
}

/** The choice that picks a candidate system: its id, with `|swap` for northing or latitude first. */
export function candidateChoice(candidate: {
  readonly crs: CrsDef;
  readonly swapAxes: boolean;
}): string {
  return candidate.swapAxes ? `${candidate.crs.id}|swap` : candidate.crs.id;
}

/** The system and axis order the choices and the file settle on, or why there is none. */
function settleCrs(
  source: ImportSource,
  choices: ImportChoices,
): { crs: CrsDef; swap: boolean } | PlanStop {
  const choice = choices.crs;
  let crs: CrsDef | null;
  let swap: boolean;
  if (choice === 'auto') {
    if (source.guess.certainty === 'unknown' || !source.guess.crs) return 'crs-unknown';
    if (source.guess.certainty !== 'stated') return 'crs-unconfirmed';
    crs = source.guess.crs;
    swap = source.guess.swapAxes;
  } else {
    const [id = '', flag] = choice.split('|');
    crs = crsById(id);
    swap = flag === 'swap';
    if (!crs) return 'crs-unrecognised';
  }
  const shiftChoice = choices.datumShift ?? 'default';
  if (shiftChoice !== 'default') {
    const shift = shiftById(shiftChoice);
    if (!shift) return 'shift-unrecognised';
    crs = withShift(crs, shift);
  }
  return { crs, swap };
}

function sameManual(
  a: ReadonlyMap<number, string | null> | undefined,
  b: ReadonlyMap<number, string | null> | undefined,
): boolean {
  if (a === b) return true;
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const [feature, park] of a ?? [])
    if (b?.get(feature) !== park || !b.has(feature)) return false;
  return true;
}

/**
 * Takes a read file through the stages: settle the coordinate system → convert to WGS-84 →
 * choose the match field → match → merge. Pure: the same source, registry and choices give the
 * same plan, which is what lets the import panel and `scripts/import.ts` share it. Given the
 * `previous` plan of the same file, it reuses the stages whose inputs did not change, so that a
 * new boundary quality does not convert the file again.
 */
export function planImport(
  source: ImportSource,
  registry: Registry,
  choices: ImportChoices,
  previous?: ImportPlan | null,
): ImportPlan {
  const stopped = (stop: PlanStop, part: Partial<ImportPlan> = {}): ImportPlan => ({
    source,
    registry,
    choices,
    stop,
    crs: null,
    converted: null,
    field: null,
    match: null,
    merged: null,
    ...part,
  });
  const sameFile = previous?.source === source && previous.registry === registry;
  const sameCrs =
    sameFile &&
    previous.choices.crs === choices.crs &&
    previous.choices.datumShift === choices.datumShift;

  const settled =
    sameCrs && previous.crs && previous.converted
      ? { crs: previous.crs, swap: false }
      : settleCrs(source, choices);
  if (typeof settled === 'string') return stopped(settled);
  const crs = settled.crs;
  const converted =
    sameCrs && previous.converted ? previous.converted : convertSource(source, crs, settled.swap);

  const sameField = sameCrs && previous.choices.matchField === choices.matchField;
  const field =
    sameField && previous.converted
      ? previous.field
      : (choices.matchField ??
        suggestMatchField(converted.features, source.fields, registry.parks));
  if (field !== null && !source.fields.includes(field)) {
    return stopped('field-missing', { crs, converted, field });
  }

  const match =
    sameField && previous.match && sameManual(previous.choices.manual, choices.manual)
      ? previous.match
      : matchFeatures(converted.features, field, registry.parks, choices.manual);
  const merged = mergeImport(registry, converted.features, match, {
    boundary: choices.boundary,
    fileName: source.fileName,
    date: choices.date,
    newParks: choices.newParks ?? [],
  });
  return { source, registry, choices, stop: null, crs, converted, field, match, merged };
}

/** Whether applying the plan would change anything: a boundary replaced or a park added. */
export function planChanges(plan: ImportPlan): boolean {
  return !!plan.merged && plan.merged.changed.length + plan.merged.added.length > 0;
}

/** What a person types to add an unmatched feature as a new park. */
export interface ParkDraft {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: ParkKind;
  readonly zone: string;
  readonly level: ParkLevel;
  readonly district: District;
  readonly lead: readonly string[];
  readonly sourceTitle: string;
  readonly sourceUrl: string;
}

/** A draft as the merge takes it: empty optional fields dropped, a zone only for a linked park. */
export function draftToNewPark(feature: number, draft: ParkDraft): NewParkInput {
  return {
    feature,
    id: draft.id,
    name: draft.nameEn.trim() ? { zh: draft.nameZh, en: draft.nameEn } : { zh: draft.nameZh },
    kind: draft.kind,
    zone: draft.kind === 'linked' ? draft.zone || null : null,
    level: draft.level,
    district: draft.district,
    lead: draft.lead,
    source: draft.sourceUrl.trim()
      ? { title: draft.sourceTitle, url: draft.sourceUrl }
      : { title: draft.sourceTitle },
  };
}

/**
 * A text that is equal for two plans exactly when their inputs are: the file (by `sourceId`,
 * which the caller gives each read), and every choice. Validation is cached under it, so that
 * the same input is never validated twice.
 */
export function planKey(sourceId: number, choices: ImportChoices): string {
  return JSON.stringify([
    sourceId,
    choices.crs,
    choices.datumShift ?? 'default',
    choices.matchField,
    choices.boundary,
    choices.date,
    [...(choices.manual ?? [])],
    choices.newParks ?? [],
  ]);
}
