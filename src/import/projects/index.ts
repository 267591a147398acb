/**
 * The project importer's pure stages: read a ledger (.xlsx, .xls, .ods, .csv), find its header
 * row, map its columns, read its values, resolve parks, chains and segments, plan each row,
 * merge and validate. The app runs {@link readLedger} in a worker and the rest in the panel's
 * lazily loaded chunk; scripts/import-projects.ts runs the same code on the command line.
 */
export {
  checkContext,
  checkProject,
  type CheckContext,
  type ProjectRecord,
  type RecordProblem,
} from './check';
export {
  PROJECT_FIELDS,
  guessField,
  headerKey,
  mapColumns,
  type ColumnMapping,
  type MappingOverrides,
  type ProjectField,
} from './columns';
export {
  COORD_SYSTEMS,
  COORD_SYSTEM_NAMES,
  coordColumns,
  coordSystemIn,
  toWgs84,
  type CoordSystem,
  type StatedSystem,
} from './coords';
export { decodeCsv, encodingNote, parseCsv, type CsvEncoding } from './csv';
export {
  formatProjectsFile,
  mergeProjects,
  newProjectId,
  slugify,
  validateProjects,
  type MergeMode,
  type ProjectsMerge,
  type ProjectsMergeOptions,
} from './merge';
export {
  parkMayBeNull,
  planImport,
  questionKey,
  type Answer,
  type Answers,
  type ImportPlan,
  type PlanOptions,
  type PlannedRow,
  type Question,
  type QuestionField,
  type RowState,
} from './plan';
export {
  chainNamed,
  makeResolver,
  parkNamed,
  segmentsOf,
  type Named,
  type Resolution,
} from './resolve';
export { isTotalRow, toTable, type DataRow, type LedgerTable } from './table';
export * from './values';
