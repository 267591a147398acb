import { PROJECT_STATUSES } from '../../src/data/schema';
import { type Registry } from '../../src/data/registry';
import {
  COORD_SYSTEMS,
  COORD_SYSTEM_NAMES,
  chainNamed,
  cleanText,
  makeResolver,
  parkNamed,
  readStatus,
  segmentsOf,
  unitInHeader,
  type Answer,
  type ColumnMapping,
  type CoordSystem,
  type ImportPlan,
  type Question,
  type QuestionField,
} from '../../src/import/projects';

/**
 * The answers of `npm run import-projects` to the project importer's questions, given on the
 * command line: `--choose FIELD:VALUE=ANSWER` for a value the registry does not know
 * (`park:新区=zj-etdz`), and `--coords SYSTEM` for the coordinate system of the file. The panel
 * asks the same questions with a select each; the command line cannot ask, so it takes the
 * answers up front and refuses the rows whose question nobody answered.
 */

/** The fields a `--choose` may answer, as the command line names them. */
const CHOICE_FIELDS: readonly QuestionField[] = ['park', 'chain', 'segment', 'status', 'unit'];

/** One `--choose` as written. */
export interface Choice {
  /** The option as given, for messages. */
  readonly given: string;
  /** A question field, or the header of a column whose field it is. */
  readonly column: string;
  /** The ledger's value ('' for an empty cell, '*' for every value of the field). */
  readonly value: string;
  /** An id or name, a status, a unit, `none` (no park) or `-` (leave those rows out). */
  readonly answer: string;
}

/** Reads `FIELD:VALUE=ANSWER` (the first ":" and the last "=" split it); a string says why not. */
export function parseChoice(given: string): Choice | string {
  const colon = given.indexOf(':');
  const equals = given.lastIndexOf('=');
  if (colon <= 0 || equals < colon) {
    return `--choose takes FIELD:VALUE=ANSWER (e.g. 'park:新区=zj-etdz'), not ${given}`;
  }
  const answer = given.slice(equals + 1).trim();
  if (answer === '') return `--choose ${given}: the answer after "=" is empty`;
  return {
    given,
    column: given.slice(0, colon).trim(),
    value: cleanText(given.slice(colon + 1, equals)),
    answer,
  };
}

/** What the choices answered, and what was wrong with them. */
export interface ChoiceOutcome {
  readonly answers: ReadonlyMap<string, Answer>;
  /** Choices that cannot be answers (an unknown id, a field no column has): nothing is written. */
  readonly problems: readonly string[];
  /** The `given` text of each choice that answered at least one question. */
  readonly used: ReadonlySet<string>;
}

/** What {@link answerQuestions} checks the choices against. */
export interface ChoiceContext {
  readonly registry: Registry;
  readonly mapping: readonly ColumnMapping[];
  /** Whether a project may have no park (`--choose park:VALUE=none`). */
  readonly parkOptional: boolean;
  /** The `--coords` system, if given: the answer to the file's coordinate question. */
  readonly coords: CoordSystem | null;
}

/** The question field a choice's FIELD names: a field, or the header of a column mapped to one. */
function fieldOf(choice: Choice, mapping: readonly ColumnMapping[]): QuestionField | null {
  const named = CHOICE_FIELDS.find((field) => field === choice.column);
  if (named) return named;
  const column = mapping.find((c) => c.header === cleanText(choice.column));
  return CHOICE_FIELDS.find((field) => field === column?.field) ?? null;
}

/** An id found by id or name among `records`, else null. */
function idIn(records: Parameters<typeof makeResolver>[0], answer: string): string | null {
  const found = records.find((record) => record.id === answer);
  if (found) return found.id;
  const resolution = makeResolver(records).resolve(answer);
  return resolution.kind === 'found' ? resolution.id : null;
}

/** The answer a choice gives one question, or why it cannot be one. */
function answerFor(choice: Choice, question: Question, context: ChoiceContext): Answer | string {
  const { answer } = choice;
  if (answer === '-') return { kind: 'skip' };
  const { registry } = context;
  const use = (value: string | null, problem: string): Answer | string =>
    value === null ? `--choose ${choice.given}: ${problem}` : { kind: 'use', value };
  switch (question.field) {
    case 'park':
      if (answer === 'none') {
        return context.parkOptional
          ? { kind: 'none' }
          : `--choose ${choice.given}: this registry gives every project a park, so "none" is not an answer`;
      }
      return use(
        idIn(
          registry.parks.map((park) => parkNamed(park.properties)),
          answer,
        ),
        `no park has the id or name "${answer}"`,
      );
    case 'chain':
      return use(
        idIn(registry.chains.map(chainNamed), answer),
        `no chain has the id or name "${answer}"`,
      );
    case 'segment': {
      const chain = registry.chains.find((c) => c.id === question.chain);
      return use(
        idIn(segmentsOf(chain), answer),
        `chain ${question.chain ?? ''} has no segment "${answer}"`,
      );
    }
    case 'status': {
      const status = PROJECT_STATUSES.find((s) => s === answer);
      const read = readStatus(answer);
      return use(
        status ?? (read.ok ? read.value : null),
        `"${answer}" is not a status: use ${PROJECT_STATUSES.join(', ')} or a word such as 在建`,
      );
    }
    case 'unit':
      return use(unitInHeader(answer), `"${answer}" is not a unit: use 亿元, 万元 or 元`);
    case 'crs':
      return `--choose ${choice.given}: give the coordinate system with --coords`;
  }
}

/**
 * The answers the choices give to a plan's questions. A choice for one value answers the
 * question about that value (for a segment, in whichever chain it is asked); `*` answers every
 * question of its field that no choice for its own value answers. `--coords` answers the file's
 * coordinate question.
 */
export function answerQuestions(
  questions: readonly Question[],
  choices: readonly Choice[],
  context: ChoiceContext,
): ChoiceOutcome {
  const answers = new Map<string, Answer>();
  const problems = new Set<string>();
  const used = new Set<string>();
  for (const choice of choices) {
    if (fieldOf(choice, context.mapping) === null) {
      problems.add(
        `--choose ${choice.given}: "${choice.column}" is neither ${CHOICE_FIELDS.join(', ')} nor the header of such a column`,
      );
    }
  }
  for (const question of questions) {
    if (question.field === 'crs') {
      if (context.coords) answers.set(question.key, { kind: 'use', value: context.coords });
      continue;
    }
    const mine = choices.filter((choice) => fieldOf(choice, context.mapping) === question.field);
    const value = question.value.toLowerCase();
    const choice =
      mine.find((c) => c.value.toLowerCase() === value) ?? mine.find((c) => c.value === '*');
    if (!choice) continue;
    const answer = answerFor(choice, question, context);
    if (typeof answer === 'string') problems.add(answer);
    else {
      answers.set(question.key, answer);
      used.add(choice.given);
    }
  }
  return { answers, problems: [...problems], used };
}

/**
 * Why a row waits, in words: the command line cannot ask, so the row is refused and says how to
 * answer (`--choose`) or what to fix in the ledger.
 */
export function questionProblem(question: Question): string {
  const options = question.candidates.length
    ? ` (could be: ${question.candidates.join(', ')})`
    : '';
  const value = question.value === '' ? 'empty' : `"${question.value}"`;
  const choose = (id: string): string =>
    `answer with --choose '${question.field}:${question.value}=${id}'`;
  switch (question.field) {
    case 'park':
      return question.value === ''
        ? `no park given: fill in 所在园区, or ${choose('ID')}`
        : `park ${value} is ${question.ambiguous ? 'ambiguous' : 'not a park of the registry'}${options}: ${choose('ID')}, write the park's name or id, or add it to the park's aliases`;
    case 'chain':
      return question.value === ''
        ? `no chain given: fill in 产业链, map a column to chain with --map, or ${choose('ID')}`
        : `chain ${value} is ${question.ambiguous ? 'ambiguous' : 'not a chain of the registry'}${options}: ${choose('ID')} or write the chain's name or id`;
    case 'segment':
      return `segment ${value} is not a segment of chain ${question.chain ?? ''}${options}: ${choose('ID')}`;
    case 'status':
      return `status ${value} is not a status word the importer knows: use 谋划/储备, 签约, 开工/在建, 竣工/投产, or ${choose('planned')}`;
    case 'unit':
      return `the amounts in column "${question.value}" have no unit: name 亿元 or 万元 in the header, e.g. 总投资（亿元）, or ${choose('万元')}`;
    case 'crs':
      return `the coordinates in ${question.value} do not say their system: ${COORDS_HINT}`;
  }
}

/** Whether a `--coords` value names a system, and which. */
export function coordsOption(value: string): CoordSystem | null {
  return COORD_SYSTEMS.find((system) => system === value.trim().toLowerCase()) ?? null;
}

/** How many rows each system puts inside their park, to help choose (never to choose). */
function fitsText(question: Question): string {
  const fits = question.fits?.filter((fit) => fit.of > 0) ?? [];
  if (fits.length === 0) return '';
  const each = fits.map((fit) => `as ${fit.system} ${fit.inside}`).join(', ');
  return ` (of ${fits[0]?.of ?? 0} rows with a park, inside it: ${each})`;
}

/** How to answer the coordinate question on the command line. */
const COORDS_HINT =
  'give --coords wgs84 (GPS, 天地图, CGCS2000), gcj02 (AMap 高德, Tencent 腾讯) or bd09 (Baidu 百度), or name the system in the header, e.g. 坐标（高德）';

/** A line about the coordinate system, or the line refusing the sheet. */
export type CoordinatesLine =
  | { readonly refuse: true; readonly line: string }
  | { readonly refuse: false; readonly line: string | null };

/**
 * What the command line says about the ledger's coordinate system: a line naming the system and
 * how it is known, or, with `refuse`, the one line refusing the sheet — coordinates with no
 * system stated and no `--coords`, or a `--coords` the headers contradict — for nothing is
 * written on a guess.
 */
export function coordinatesLine(
  fileName: string,
  plan: ImportPlan,
  coords: CoordSystem | null,
): CoordinatesLine {
  const done = (system: CoordSystem): string =>
    system === 'wgs84' ? 'read as they are' : 'converted to WGS-84';
  const stated = plan.coordSystem;
  if (stated) {
    const headers = `${stated.where === 'title' ? 'line above the header' : 'header'} ${stated.headers.map((header) => `"${header}"`).join(', ')}`;
    if (coords && coords !== stated.system) {
      return {
        refuse: true,
        line: `${fileName}: --coords ${coords} contradicts the ${headers}, which states ${COORD_SYSTEM_NAMES[stated.system].en}: leave out --coords or correct the ledger`,
      };
    }
    return {
      refuse: false,
      line: `coordinates: ${COORD_SYSTEM_NAMES[stated.system].en}, stated by the ${headers}: ${done(stated.system)}`,
    };
  }
  const question = plan.questions.find((q) => q.field === 'crs');
  if (!question) {
    return {
      refuse: false,
      line: coords
        ? `--coords ${coords}: no row has coordinates it applies to; it changed nothing`
        : null,
    };
  }
  if (!coords) {
    return {
      refuse: true,
      line: `${fileName}: the coordinates in ${question.value} (${question.rows.length} rows) do not say which system they are in: ${COORDS_HINT}${fitsText(question)}; nothing imported`,
    };
  }
  return {
    refuse: false,
    line: `coordinates: ${COORD_SYSTEM_NAMES[coords].en} (--coords): ${done(coords)}`,
  };
}
