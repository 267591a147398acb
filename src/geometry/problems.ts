/** Codes of the geometry problems `checkGeometry` (validity.ts) and `checkLonLat` (coordinates.ts) report. */
export type GeometryRule =
  | 'empty-geometry'
  | 'ring-too-short'
  | 'ring-unclosed'
  | 'self-intersection'
  | 'winding'
  | 'coordinates-range'
  | 'coordinates-swapped'
  | 'outside-zhenjiang';

/** One thing wrong with a geometry, with a message that says how to fix it. */
export interface GeometryProblem {
  readonly rule: GeometryRule;
  readonly message: string;
}
