import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { formatFinding } from '../src/data/findings';
import { PROJECT_STATUSES } from '../src/data/schema';
import { makeToPinyin } from '../src/domain/search';
import {
  PROJECT_FIELDS,
  formatProjectsFile,
  mapColumns,
  mergeProjects,
  parkMayBeNull,
  planImport,
  toTable,
  validateProjects,
  type Answers,
  type ImportPlan,
  type CoordSystem,
  type MergeMode,
  type ProjectField,
} from '../src/import/projects';
import { readLedger } from '../src/import/projects/workbook';
import { errorText } from '../src/import/text';
import { singleFile, startCommand, type CommandLine } from './lib/args';
import { writeFileAtomically } from './lib/atomicWrite';
import {
  answerQuestions,
  coordinatesLine,
  coordsOption,
  parseChoice,
  questionProblem,
  type Choice,
} from './lib/projectChoices';

/**
 * `npm run import-projects -- FILE [options]`: imports a project ledger (.xlsx, .xls, .ods or
 * .csv) into the registry's projects with the same code as the app's project importer. Prints
 * one line per refused row as `FILE:ROW: problem` and a summary; writes the merged projects.json
 * to --out (through a temporary file and a rename) only when the merged registry validates.
 * Exit 0: every row imported; 2: some rows refused, the rest written; 1: the file cannot be read,
 * nothing could be imported, the result does not validate, or the command is wrong (nothing
 * written).
 */

const USAGE = `usage: npm run import-projects -- FILE [--sheet NAME] [--map 表头=field …]
                                    [--coords wgs84|gcj02|bd09] [--choose FIELD:VALUE=ANSWER …]
                                    [--mode merge|replace] [--registry DIR] [--out FILE]
  FILE        a ledger: .xlsx, .xls, .ods or .csv (UTF-8 with or without BOM, or GBK/GB18030)
  --sheet     the sheet to read (default: the one whose header names the most fields)
  --map       map a header to a field, overriding the guess; repeatable. Fields:
              ${PROJECT_FIELDS.join(', ')}; "-" leaves the column out
  --coords    the system of the ledger's coordinates, when no header (坐标（高德）, 经度(BD09))
              or 坐标系 column states it: wgs84 (GPS, 天地图, CGCS2000), gcj02 (AMap 高德,
              Tencent 腾讯) or bd09 (Baidu 百度); a ledger with coordinates needs one or the other
  --choose    answer a question the import asks, for every row with that value; repeatable.
              FIELD is park, chain, segment, status or unit (or the column's header); VALUE is
              the value as the ledger writes it (empty for an empty cell, * for every value);
              ANSWER is an id or name of the registry, a status (${PROJECT_STATUSES.join(', ')}),
              a unit (亿元, 万元, 元), none (no park) or - (leave those rows out).
              e.g. --choose 'park:新区=zj-etdz' --choose 'unit:总投资=万元' --choose 'status:筹建=planned'
  --mode      merge (default: add new projects, update matching ones by id, else by name + park)
              or replace (the ledger becomes the whole list)
  --registry  the registry to import into (default geo/)
  --out       where to write the merged projects.json (default projects.imported.json)`;

interface Options {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly map: ReadonlyMap<string, ProjectField | null>;
  readonly coords: CoordSystem | null;
  readonly choices: readonly Choice[];
  readonly mode: MergeMode;
  readonly registry: string;
  readonly out: string;
}

/** Reads one `--map 表头=field` (the last "=" splits: a header may hold one, a field never). */
function mapping(value: string): readonly [string, ProjectField | null] | string {
  const at = value.lastIndexOf('=');
  const header = value.slice(0, at).trim();
  const field = value.slice(at + 1).trim();
  if (at <= 0 || header === '') return `--map takes 表头=field, not ${value}`;
  if (field !== '-' && !(PROJECT_FIELDS as readonly string[]).includes(field)) {
    return `--map ${value}: unknown field ${field}; use one of ${PROJECT_FIELDS.join(', ')} or -`;
  }
  return [header, field === '-' ? null : (field as ProjectField)];
}

/** How `npm run import-projects` reads its command line. */
const COMMAND_LINE: CommandLine<Options> = {
  program: 'import-projects',
  usage: USAGE,
  usageExit: 1,
  spec: {
    values: ['--sheet', '--map', '--coords', '--choose', '--mode', '--registry', '--out'],
    repeatable: ['--map', '--choose'],
  },
  registryDir: (options) => options.registry,
  options: (parsed) => {
    const map = new Map<string, ProjectField | null>();
    for (const value of parsed.lists.get('--map') ?? []) {
      const entry = mapping(value);
      if (typeof entry === 'string') return entry;
      map.set(entry[0], entry[1]);
    }
    const choices: Choice[] = [];
    for (const value of parsed.lists.get('--choose') ?? []) {
      const choice = parseChoice(value);
      if (typeof choice === 'string') return choice;
      choices.push(choice);
    }
    const file = singleFile(parsed);
    if (typeof file !== 'string') return file.problem;
    const { values } = parsed;
    const coordsGiven = values.get('--coords');
    const coords = coordsGiven === undefined ? null : coordsOption(coordsGiven);
    if (coordsGiven !== undefined && !coords) {
      return `--coords must be wgs84, gcj02 or bd09, not ${coordsGiven}`;
    }
    const mode = values.get('--mode') ?? 'merge';
    if (mode !== 'merge' && mode !== 'replace')
      return `--mode must be merge or replace, not ${mode}`;
    return {
      file,
      sheet: values.get('--sheet'),
      map,
      coords,
      choices,
      mode,
      registry: values.get('--registry') ?? 'geo',
      out: values.get('--out') ?? 'projects.imported.json',
    };
  },
};

/** Runs the import; returns the exit code. */
export async function main(
  args: readonly string[],
  print: (line: string) => void = console.log,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const started = await startCommand(args, COMMAND_LINE, print);
  if ('exit' in started) return started.exit;
  const { options, registry } = started;
  const name = basename(options.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(options.file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    print(
      `${name}: cannot be read (${code === 'ENOENT' ? 'file not found' : (code ?? 'unreadable')})`,
    );
    return 1;
  }
  const headers = new Set(options.map.keys());
  let grid;
  let table;
  try {
    grid = readLedger({ name, bytes }, { sheet: options.sheet, headers });
    table = toTable(grid, headers);
  } catch (error) {
    print(errorText(error).en);
    return 1;
  }
  const sheetNote = grid.sheet === null ? '' : `sheet "${grid.sheet}", `;
  print(
    `${name}: ${grid.format}, ${sheetNote}header at row ${table.headerRow}, ${table.rows.length} rows`,
  );
  for (const note of grid.notes) print(`  ${note.en}`);
  const mapping = mapColumns(table.headers, options.map);
  for (const column of mapping) {
    if (column.field)
      print(`  ${column.header} → ${column.field}${column.by === 'user' ? ' (--map)' : ''}`);
  }
  if (!mapping.some((column) => column.field === 'name')) {
    print(`${name}: no column holds the project name (项目名称): map one with --map 表头=name`);
    return 1;
  }
  const toPinyin = makeToPinyin(pinyin);
  const parkOptional = parkMayBeNull();
  const planWith = (answers: Answers): ImportPlan =>
    planImport(table, mapping, registry, {
      fileName: name,
      sheet: grid.sheet,
      date: today,
      answers,
      toPinyin,
      parkOptional,
    });
  // An answer can raise a new question (a chain answered asks for its segment): plan again until
  // the choices answer nothing more.
  const context = { registry, mapping, parkOptional, coords: options.coords };
  let answers: Answers = new Map();
  let plan = planWith(answers);
  let outcome = answerQuestions(plan.questions, options.choices, context);
  for (let pass = 0; pass < 5 && outcome.problems.length === 0; pass++) {
    if ([...outcome.answers.keys()].every((key) => answers.has(key))) break;
    answers = outcome.answers;
    plan = planWith(answers);
    outcome = answerQuestions(plan.questions, options.choices, context);
  }
  if (outcome.problems.length > 0) {
    for (const problem of outcome.problems) print(`import-projects: ${problem}`);
    return 1;
  }
  for (const choice of options.choices) {
    if (!outcome.used.has(choice.given))
      print(`  --choose ${choice.given}: no question asks about that value; it changed nothing`);
  }
  const coordsLine = coordinatesLine(name, plan, options.coords);
  if (coordsLine.refuse) {
    print(coordsLine.line);
    return 1;
  }
  if (coordsLine.line) print(`  ${coordsLine.line}`);
  const merged = mergeProjects(registry, plan, {
    mode: options.mode,
    date: today,
    toPinyin,
    fileName: name,
  });
  const questions = new Map(plan.questions.map((question) => [question.key, question]));
  let refused = 0;
  for (const row of plan.rows) {
    if (row.state === 'skipped') {
      print(`${name}:${row.row}: skipped, ${row.problems.map((p) => p.en).join('; ')}`);
      continue;
    }
    const problems =
      row.state === 'refused'
        ? row.problems.map((problem) => problem.en)
        : row.state === 'question'
          ? row.waiting.flatMap((key) => {
              const question = questions.get(key);
              return question ? [questionProblem(question)] : [];
            })
          : [merged.duplicates.get(row.row)?.en].filter((p): p is string => p !== undefined);
    if (problems.length === 0) continue;
    refused++;
    for (const problem of problems) print(`${name}:${row.row}: ${problem}`);
  }
  const imported = merged.added.length + merged.updated.length;
  const summary = `${name}: ${table.rows.length} rows: ${merged.added.length} added, ${merged.updated.length} updated, ${refused} refused, ${plan.skipped} skipped`;
  if (imported === 0) {
    print(`${summary}; nothing to import, nothing written`);
    return 1;
  }
  const validation = validateProjects(registry, merged.file);
  if (validation.findings.length > 0) {
    const rowById = new Map([...merged.rowIds].map(([row, id]) => [id, row]));
    for (const finding of validation.findings) {
      const row = finding.id ? rowById.get(finding.id) : undefined;
      print(row ? `${name}:${row}: ${finding.message}` : formatFinding(finding));
    }
    print(
      `${summary}; the merged registry has ${validation.findings.length} finding(s): nothing written`,
    );
    return 1;
  }
  const written = writeFileAtomically(options.out, formatProjectsFile(merged.file));
  if (!written.ok) {
    print(`import-projects: ${written.message}`);
    return 1;
  }
  const removed = merged.removed.length ? `, ${merged.removed.length} removed (replace)` : '';
  print(
    `${summary}${removed}; wrote ${options.out} (${merged.file.projects.length} projects, valid)`,
  );
  return refused > 0 ? 2 : 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
