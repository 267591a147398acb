import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { formatFinding } from '../src/data/findings';
import {
  errorText,
  fieldValue,
  formatParksFile,
  candidateChoice,
  planImport,
  readImportFiles,
  shiftAlternatives,
  transformationOf,
  validateMerged,
  type CrsGuess,
  type ImportSource,
  type ImportedQuality,
  type InputFile,
  type XmlParser,
} from '../src/import';
import { singleFile, startCommand, type CommandLine } from './lib/args';
import { writeFileAtomically } from './lib/atomicWrite';

/**
 * `npm run import -- FILE [options]`: imports official park boundaries from a GeoJSON, KML, KMZ or
 * zipped Shapefile (or a .shp with its .dbf/.prj/.cpg beside it) into the registry in --data
 * (default geo/), with the same pipeline the app's import panel runs (`planImport`: coordinate
 * system from the file or --crs, conversion to WGS-84, matching by --match-field, merge), then the
 * registry's own validator. Writes the merged parks.geojson only when it is valid; exits 1 on bad input or
 * findings, 2 on a usage error.
 */

const USAGE = `usage: npm run import -- FILE [--crs auto|wgs84|cgcs2000|gcj02|bd09|EPSG:NNNN] [--swap-axes]
                            [--datum-shift default|none|epsg:15919|towgs84:DX,DY,DZ[,RX,RY,RZ,DS]]
                            [--layer NAME] [--match-field NAME] [--boundary official|approximate]
                            [--out FILE] [--data DIR]
  FILE           GeoJSON, TopoJSON, KML, KMZ, a zipped Shapefile, or a .shp (its .dbf/.prj/.cpg are read beside it)
  --crs          the file's coordinate system (default auto: only what the file states, a .prj or a
                 GeoJSON crs member; a file that states none is refused with the systems that fit)
  --swap-axes    the file holds northing (or latitude) first
  --datum-shift  the datum shift to WGS-84 (default: the .prj's own TOWGS84, else EPSG:15919 for
                 Beijing 1954, none for Xian 1980)
  --layer        of a zip with several Shapefile layers, the one to import
  --match-field  the attribute holding the park id or Chinese name (default: the one that matches most parks)
  --boundary     the boundary quality to set (default official)
  --out          where to write the merged parks.geojson (default parks.imported.geojson)
  --data         the registry to merge into (default geo/)`;

/** Parsed command-line options. */
interface Options {
  readonly file: string;
  readonly crs: string;
  readonly swapAxes: boolean;
  readonly datumShift: string;
  readonly layer: string | null;
  readonly matchField: string | null;
  readonly boundary: ImportedQuality;
  readonly out: string;
  readonly data: string;
}

/** How `npm run import` reads its command line. */
const COMMAND_LINE: CommandLine<Options> = {
  program: 'import',
  usage: USAGE,
  usageExit: 2,
  spec: {
    values: ['--crs', '--datum-shift', '--layer', '--match-field', '--boundary', '--out', '--data'],
    flags: ['--swap-axes'],
  },
  registryDir: (options) => options.data,
  options: (parsed) => {
    const file = singleFile(parsed);
    if (typeof file !== 'string') return file.problem;
    const { values } = parsed;
    const boundary = values.get('--boundary') ?? 'official';
    if (boundary !== 'official' && boundary !== 'approximate') {
      return `--boundary must be official or approximate, not ${boundary}`;
    }
    return {
      file,
      crs: values.get('--crs') ?? 'auto',
      swapAxes: parsed.flags.has('--swap-axes'),
      datumShift: values.get('--datum-shift') ?? 'default',
      layer: values.get('--layer') ?? null,
      matchField: values.get('--match-field') ?? null,
      boundary,
      out: values.get('--out') ?? 'parks.imported.geojson',
      data: values.get('--data') ?? 'geo',
    };
  },
};

/** The file, or for a .shp the Shapefile's parts beside it (same name, any case of extension). */
async function inputFiles(path: string): Promise<InputFile[]> {
  const read = async (file: string): Promise<InputFile> => ({
    name: basename(file),
    bytes: new Uint8Array(await readFile(file)),
  });
  if (extname(path).toLowerCase() !== '.shp') return [await read(path)];
  const stem = basename(path, extname(path)).toLowerCase();
  const siblings = (await readdir(dirname(path))).filter((name) => {
    const ext = extname(name).toLowerCase();
    return (
      basename(name, extname(name)).toLowerCase() === stem &&
      ['.shp', '.dbf', '.prj', '.cpg'].includes(ext)
    );
  });
  return Promise.all(siblings.map((name) => read(join(dirname(path), name))));
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

/** A file-system error as a few words, not Node's message with its stack of details. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return REASONS[code] ?? 'the file system refused';
}

/** One line saying why FILE cannot be read, or null when it can. */
async function checkReadable(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    return info.isDirectory() ? `${file}: cannot be read — it is a folder` : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && extname(file).toLowerCase() === '.shp') {
      return `${file}: no such file — a Shapefile's shapes are in its .shp; give the path of the .shp`;
    }
    return `${file}: cannot be read — ${reasonOf(error)}`;
  }
}

/** The one line that refuses a file whose system is only guessed: every fit, with its move. */
function unconfirmedLine(fileName: string, guess: CrsGuess): string {
  const fits = guess.candidates
    .map((c) => {
      const flag = candidateChoice(c).endsWith('|swap') ? ' --swap-axes' : '';
      return `--crs ${c.crs.id}${flag} (${c.crs.name.en}: moves it ${Math.round(c.moveMetres).toLocaleString('en')} m)`;
    })
    .join('; ');
  return `import: ${fileName} does not state its coordinate system, and ${guess.candidates.length} fit: ${fits} — measured from ${guess.reference.en}; give one with --crs`;
}

const xmlParser = (): XmlParser => {
  const { DOMParser } = new JSDOM('').window;
  return (xml) => new DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;
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

  const unreadable = await checkReadable(options.file);
  if (unreadable) {
    print(unreadable);
    return 1;
  }
  let files: InputFile[];
  try {
    files = await inputFiles(resolve(options.file));
  } catch (error) {
    print(`${options.file}: cannot be read — ${reasonOf(error)}`);
    return 1;
  }
  let source: ImportSource;
  try {
    source = readImportFiles(files, {
      parseXml: xmlParser(),
      ...(options.layer ? { layer: options.layer } : {}),
    });
  } catch (error) {
    print(errorText(error).en);
    return 1;
  }
  print(`${source.fileName}: ${source.features.length} polygon features (${source.format})`);
  for (const note of source.notes) print(`  ${note.en}`);

  // The same stages, in the same order, as the app's import panel.
  const crsChoice =
    options.crs === 'auto' ? 'auto' : `${options.crs}${options.swapAxes ? '|swap' : ''}`;
  const plan = planImport(source, registry, {
    crs: crsChoice,
    datumShift: options.datumShift,
    matchField: options.matchField,
    boundary: options.boundary,
    date: today,
  });
  if (options.crs === 'auto') print(`  ${source.guess.message.en}`);
  if (plan.stop === 'crs-unconfirmed') {
    print(unconfirmedLine(source.fileName, source.guess));
    return 1;
  }
  if (plan.stop === 'crs-unknown') {
    print(`import: ${source.fileName}: give the coordinate system with --crs`);
    return 1;
  }
  if (plan.stop === 'shift-unrecognised') {
    print(
      `import: unknown datum shift ${options.datumShift}: use default, none, epsg:15919 or towgs84:DX,DY,DZ[,RX,RY,RZ,DS]`,
    );
    return 2;
  }
  if (plan.stop === 'crs-unrecognised' || !plan.crs || !plan.converted) {
    print(
      `import: unknown coordinate system ${options.crs}: use wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN (a CGCS2000, Xian 1980 or Beijing 1954 Gauss–Krüger code, 4326, 4490, 4214, 4610, 3857)`,
    );
    return 2;
  }
  print(`  coordinate system: ${plan.crs.name.en}${options.swapAxes ? ' (axes swapped)' : ''}`);
  print(`  transformation: ${transformationOf(plan.crs).en}`);
  for (const other of shiftAlternatives(source, plan.crs, options.swapAxes)) {
    print(
      `  other datum shift: ${other.shift.name.en} would move it ${Math.round(other.moveMetres)} m (--datum-shift ${other.shift.id === 'epsg15919' ? 'epsg:15919' : other.shift.id})`,
    );
  }
  const converted = plan.converted;
  for (const warning of converted.warnings) print(`  warning: ${warning.en}`);
  if (converted.misplaced) {
    print(
      `import: ${source.fileName}: the coordinates do not land in Zhenjiang as ${plan.crs.id}: nothing imported; give the right --crs`,
    );
    return 1;
  }

  const { field, match, merged } = plan;
  if (source.fields.length === 0) {
    print(
      `import: ${source.fileName} has no attributes to match parks by: import it in the app and assign each feature to its park by hand`,
    );
    return 1;
  }
  if (field === null || !match || !merged) {
    print(
      field === null
        ? `import: ${source.fileName}: no field matches any park by id or name: choose one with --match-field (${source.fields.join(', ')})`
        : `import: ${source.fileName} has no field ${field}: choose one of ${source.fields.join(', ')}`,
    );
    return 1;
  }
  print(`  match field: ${field}`);
  for (const [parkId, indices] of match.matched) {
    const values = indices.map((i) =>
      fieldValue(converted.features.find((f) => f.index === i)?.properties ?? {}, field),
    );
    print(`  matched   ${parkId} ← ${values.join(', ')}`);
  }
  for (const unmatched of match.unmatched) {
    const why =
      unmatched.reason === 'ambiguous'
        ? `could be ${unmatched.candidates.join(' or ')}`
        : unmatched.reason === 'no-value'
          ? 'empty field'
          : 'no park of that id or name';
    print(`  unmatched feature ${unmatched.feature + 1} "${unmatched.value}": ${why}`);
  }
  print(`  not in the file (kept as they are): ${match.missing.join(', ') || 'none'}`);
  if (match.matched.size === 0) {
    print(`import: no feature matched a park by ${field}: nothing to import`);
    return 1;
  }

  const outName = basename(options.out);
  const validation = validateMerged(registry, merged.parks);
  for (const finding of validation.findings)
    print(
      formatFinding({
        ...finding,
        file: finding.file === 'parks.geojson' ? outName : finding.file,
      }),
    );
  if (validation.findings.length > 0) {
    print(
      `import: the merged registry has ${validation.findings.length} finding(s): nothing written`,
    );
    return 1;
  }
  const written = writeFileAtomically(options.out, formatParksFile(merged.parks));
  if (!written.ok) {
    print(`import: ${written.message}`);
    return 1;
  }
  print(
    `wrote ${options.out}: ${merged.changed.length} boundaries replaced (${merged.changed.join(', ')}), set to ${options.boundary}; valid`,
  );
  if (resolve(options.out) !== resolve(options.data, 'parks.geojson')) {
    print(
      `review it, then copy it to ${join(options.data, 'parks.geojson')} (or run with --out ${join(options.data, 'parks.geojson')})`,
    );
  }
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
