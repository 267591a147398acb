import { withShift, type CrsDef } from './crs';
import { builtInShifts, type DatumShift } from './datum';
import { metresBetween, samplePositions } from './guess';
import type { ImportSource } from './parse';
import { positionsOf } from './read/common';
import { converterFor } from './transform';

/**
 * The datum shifts a person could choose instead of the one applied, with how far each would
 * move this file's data from the applied one — so that "which shift?" is a choice with numbers,
 * not a silent default (Beijing 1954: EPSG:15919 or none, 68 m apart at Zhenjiang).
 */

/** Another shift and how far it would move the data from the one applied. */
export interface ShiftAlternative {
  readonly shift: DatumShift;
  /** The largest distance, in metres, between the two readings of the file's vertices. */
  readonly moveMetres: number;
}

/** The built-in shifts other than the one `crs` applies, each with its move; empty when there is no choice. */
export function shiftAlternatives(
  source: ImportSource,
  crs: CrsDef,
  swapAxes: boolean,
): ShiftAlternative[] {
  const others = builtInShifts(crs.datum).filter((s) => s.id !== crs.shift.id);
  if (others.length === 0 || !crs.proj4) return [];
  const sample = samplePositions(positionsOf(source.features)).map((p) =>
    swapAxes ? [p[1] ?? 0, p[0] ?? 0] : p,
  );
  const applied = sample.map(converterFor(crs));
  return others.map((shift) => {
    const convert = converterFor(withShift(crs, shift));
    let move = 0;
    sample.forEach((p, i) => {
      move = Math.max(move, metresBetween(convert(p), applied[i] ?? [0, 0]));
    });
    return { shift, moveMetres: move };
  });
}
