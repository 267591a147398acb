/**
 * The boundary importer: read an official file, settle its coordinate system, convert it to
 * WGS-84, match it to the registry's parks, merge (the stages `planImport` runs in order),
 * validate and format parks.geojson. The app
 * loads this module lazily (it carries proj4, shpjs, togeojson, fflate and gcoord); the command
 * line (scripts/import.ts) uses the same code. Pure: it may import data/, geometry/ and domain/,
 * never state/, map/, ui/ or app/ (eslint.config.js enforces the floors).
 */
export {
  BD09,
  CGCS2000,
  COMMON_CRS,
  GCJ02,
  WGS84,
  crsById,
  crsFromEpsg,
  transformationOf,
  withShift,
  type CrsDef,
} from './crs';
export { converterFor } from './transform';
export { builtInShifts, defaultShift, shiftById, type DatumId, type DatumShift } from './datum';
export { convertSource, DECIMALS, type ConvertedFeature, type ConvertedSource } from './convert';
export {
  candidatesLine,
  inferCrs,
  type CrsCandidate,
  type CrsGuess,
  type CrsSource,
} from './guess';
export { nameHint, type NameHint } from './nameHint';
export {
  fieldValue,
  matchFeatures,
  normaliseName,
  suggestMatchField,
  type FeatureMatch,
  type MatchResult,
} from './match';
export { formatParksFile } from '../data/parksFile';
export {
  defaultBoundaryNote,
  mergeImport,
  validateMerged,
  type ImportedQuality,
  type MergeOptions,
  type MergeResult,
  type NewParkInput,
} from './merge';
export {
  readImportFiles,
  type ImportFormat,
  type ImportSource,
  type InputFile,
  type ReadOptions,
  type SourceFeature,
  type XmlParser,
} from './parse';
export {
  candidateChoice,
  draftToNewPark,
  planChanges,
  planImport,
  planKey,
  type ImportChoices,
  type ImportPlan,
  type ParkDraft,
  type PlanStop,
} from './pipeline';
export { readPrj } from './prj';
export { shiftAlternatives, type ShiftAlternative } from './shifts';
export { ImportError, errorText, type Text } from './text';
