import type { Bilingual, Project, ProjectStatus, Source } from '../data/schema';

/**
 * The project form's pure half: a project as the text a person edits, that text read back into a
 * record (with a problem per field it cannot read), the provenance of an edit made in the app,
 * and a change of the project list. The registry rules (schema, park, chain, segment, location in
 * the park) are checked on the record by import/projects/check.ts; this only reads what was typed.
 */

/** The form's fields, in the order they are shown. */
export const FORM_FIELDS = [
  'nameZh',
  'nameEn',
  'park',
  'chain',
  'segment',
  'status',
  'year',
  'investment',
  'location',
  'sourceTitle',
  'sourceUrl',
  'sourceDate',
] as const;

/** One field of the project form. */
export type FormField = (typeof FORM_FIELDS)[number];

/** The money units the form offers; the registry holds 亿元. */
export type MoneyUnit = 'yi' | 'wan';

/** A project as the form holds it: text as typed, ids as chosen ('' = none). */
export interface ProjectFormValues {
  readonly nameZh: string;
  readonly nameEn: string;
  /** A park id, or '' for a project in no park. */
  readonly park: string;
  readonly chain: string;
  /** A segment id of the chain, or '' when none is known. */
  readonly segment: string;
  readonly status: ProjectStatus;
  readonly year: string;
  readonly investment: string;
  readonly unit: MoneyUnit;
  readonly lon: string;
  readonly lat: string;
  /** A source the user adds for what they entered (optional). */
  readonly sourceTitle: string;
  readonly sourceUrl: string;
  readonly sourceDate: string;
}

/** A field the form could not read, and why, in both languages. */
export interface FieldProblem {
  readonly field: FormField;
  readonly message: Bilingual;
}

/**
 * The titles of the sources an edit in the app adds: they say who entered the facts (the user,
 * in this browser) rather than cite a report, so a reviewer of an exported projects.json sees it.
 */
export const ADDED_IN_APP = '在应用中添加 / Added in the app';
export const EDITED_IN_APP = '在应用中编辑 / Edited in the app';
const CHANGED_PREFIX = '改动字段 / fields changed: ';

/** The form for an existing project, or for a new one in `park` (null: none chosen yet). */
export function formFromProject(
  project: Project | null,
  defaults: { park?: string | null; chain?: string } = {},
): ProjectFormValues {
  const investment = project?.investment_cny_100m;
  return {
    nameZh: project?.name.zh ?? '',
    nameEn: project?.name.en ?? '',
    park: project ? (project.park ?? '') : (defaults.park ?? ''),
    chain: project?.chain ?? defaults.chain ?? '',
    segment: project?.segment ?? '',
    status: project?.status ?? 'planned',
    year: project?.year == null ? '' : String(project.year),
    investment: investment == null ? '' : String(investment),
    unit: 'yi',
    lon: project?.location ? String(project.location[0]) : '',
    lat: project?.location ? String(project.location[1]) : '',
    sourceTitle: '',
    sourceUrl: '',
    sourceDate: '',
  };
}

/** Full-width digits and signs as ASCII, thousands separators and spaces gone. */
function numberText(value: string): string {
  return value.normalize('NFKC').replace(/[,\s]/g, '');
}

function problem(field: FormField, zh: string, en: string): FieldProblem {
  return { field, message: { zh, en } };
}

/** Money in 亿元 from the typed amount; tens of thousands divided without float dust. */
function toYi(amount: number, unit: MoneyUnit): number {
  return unit === 'yi' ? amount : Number((amount / 10_000).toPrecision(12));
}

function readNumber(
  text: string,
  field: FormField,
  label: Bilingual,
  problems: FieldProblem[],
): number | null {
  const cleaned = numberText(text);
  if (cleaned === '') return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value)) {
    problems.push(
      problem(field, `${label.zh}：「${text}」不是数字`, `${label.en}: "${text}" is not a number`),
    );
    return null;
  }
  return value;
}

/** What was typed, read: the record the form stands for, and what could not be read. */
export interface ReadForm {
  /** The record as plain JSON (the registry's shape), for the record check. */
  readonly record: Record<string, unknown>;
  readonly problems: readonly FieldProblem[];
  /** The record's fields that differ from the project being edited (all of them for a new one). */
  readonly changed: readonly string[];
}

/** What {@link readForm} needs besides the values. */
export interface ReadFormContext {
  /** The project being edited, or null for a new one. */
  readonly base: Project | null;
  /** The new project's id (ignored when editing). */
  readonly id: string;
  /** Today, YYYY-MM-DD: the date of the edit's provenance source. */
  readonly today: string;
}

/**
 * Reads the form into a project record. An edited record keeps what the form does not show (its
 * note, confidence, earlier sources); the bases of park, chain and segment stay where their value
 * did and become `reported` (the user's word) where it changed. A new record gets confidence M,
 * as an imported row does. Every saved record gets a source saying it was added or edited in the
 * app on `today`, naming the fields changed; the user's own source, when given, goes beside it.
 */
export function readForm(values: ProjectFormValues, context: ReadFormContext): ReadForm {
  const { base, today } = context;
  const problems: FieldProblem[] = [];
  const nameZh = values.nameZh.trim();
  if (nameZh === '')
    problems.push(
      problem('nameZh', '项目名称（中文）：不能为空', 'Project name (Chinese): must not be empty'),
    );
  const nameEn = values.nameEn.trim();
  if (values.chain === '')
    problems.push(problem('chain', '产业链：请选择一条产业链', 'Chain: choose a chain'));

  let year: number | null = null;
  const yearText = numberText(values.year);
  if (yearText !== '') {
    if (/^\d+$/.test(yearText)) year = Number(yearText);
    else
      problems.push(
        problem(
          'year',
          `年份：「${values.year}」不是年份（如 2024）`,
          `Year: "${values.year}" is not a year (such as 2024)`,
        ),
      );
  }

  const amount = readNumber(
    values.investment,
    'investment',
    { zh: '总投资', en: 'Investment' },
    problems,
  );
  const investment = amount === null ? null : toYi(amount, values.unit);

  const label = { zh: '坐标', en: 'Location' };
  const lon = readNumber(values.lon, 'location', label, problems);
  const lat = readNumber(values.lat, 'location', label, problems);
  let location: [number, number] | undefined;
  const located = problems.some((p) => p.field === 'location');
  if (!located && (lon === null) !== (lat === null))
    problems.push(
      problem(
        'location',
        '坐标：经度和纬度要一起填写',
        'Location: give both longitude and latitude',
      ),
    );
  if (lon !== null && lat !== null) {
    location = [lon, lat];
    if (values.park === '')
      problems.push(
        problem(
          'location',
          '坐标：不属于园区的项目不标坐标，请先选择园区',
          'Location: a project in no park has no location; choose its park first',
        ),
      );
  }

  const title = values.sourceTitle.trim();
  const url = values.sourceUrl.trim();
  const date = values.sourceDate.trim();
  if (title === '' && (url !== '' || date !== ''))
    problems.push(
      problem(
        'sourceTitle',
        '来源标题：填写了来源链接或日期时，标题不能为空',
        'Source title: needed when a source link or date is given',
      ),
    );

  const park = values.park === '' ? null : values.park;
  const segment = values.segment === '' ? null : values.segment;
  const kept = (key: keyof Project, same: boolean, fallback: unknown): unknown =>
    base && same ? base[key] : fallback;
  const draft: Record<string, unknown> = {
    ...(base ? (JSON.parse(JSON.stringify(base)) as Record<string, unknown>) : {}),
    id: base?.id ?? context.id,
    name: nameEn === '' ? { zh: nameZh } : { zh: nameZh, en: nameEn },
    park,
    park_basis: park === null ? null : kept('park_basis', base?.park === park, 'reported'),
    chain: values.chain,
    chain_basis: kept('chain_basis', base?.chain === values.chain, 'reported'),
    segment,
    segment_basis:
      segment === null
        ? null
        : kept(
            'segment_basis',
            base?.chain === values.chain && base.segment === segment,
            'reported',
          ),
    status: values.status,
    year,
    investment_cny_100m: investment,
    confidence: base?.confidence ?? 'M',
  };
  if (location) draft['location'] = location;
  else delete draft['location'];

  const before = base ? (JSON.parse(JSON.stringify(base)) as Record<string, unknown>) : {};
  const changed = Object.keys(draft)
    .filter(
      (key) => key !== 'sources' && JSON.stringify(before[key]) !== JSON.stringify(draft[key]),
    )
    .concat(Object.keys(before).filter((key) => !(key in draft)));
  if (title !== '') changed.push('sources');

  const own: Source[] =
    title === ''
      ? []
      : [{ title, ...(url === '' ? {} : { url }), ...(date === '' ? {} : { date }) }];
  draft['sources'] = provenance(base?.sources ?? [], own, base === null, changed, today);
  return { record: draft, problems, changed };
}

/**
 * The sources after an edit: the earlier ones, the user's own, and one edit source for today. An
 * edit source from earlier the same day is folded into today's (its fields kept), so editing a
 * record five times in an afternoon adds one source, not five.
 */
function provenance(
  earlier: readonly Source[],
  own: readonly Source[],
  added: boolean,
  changed: readonly string[],
  today: string,
): Source[] {
  const title = added ? ADDED_IN_APP : EDITED_IN_APP;
  const sameDay = earlier.find((source) => source.title === title && source.date === today);
  const fields = new Set(changed);
  for (const field of sameDay?.note?.replace(CHANGED_PREFIX, '').split(', ') ?? [])
    if (field) fields.add(field);
  const note = !added && fields.size > 0 ? `${CHANGED_PREFIX}${[...fields].join(', ')}` : undefined;
  return [
    ...earlier.filter((source) => source !== sameDay),
    ...own,
    { title, date: today, ...(note ? { note } : {}) },
  ];
}

/** One change of the project list made in the app. */
export type ProjectEdit =
  | { readonly kind: 'add'; readonly record: Record<string, unknown> }
  | { readonly kind: 'update'; readonly record: Record<string, unknown> }
  | { readonly kind: 'delete'; readonly id: string };

/** The project list after an edit, and which ids it added, updated and removed. */
export interface EditedProjects {
  readonly projects: readonly unknown[];
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
}

/** Applies one edit to a project list (plain JSON records); the order of the others is kept. */
export function editProjects(projects: readonly unknown[], edit: ProjectEdit): EditedProjects {
  const idOf = (record: unknown): unknown => (record as { id?: unknown } | null)?.id;
  if (edit.kind === 'add')
    return {
      projects: [...projects, edit.record],
      added: [String(edit.record['id'])],
      updated: [],
      removed: [],
    };
  if (edit.kind === 'update') {
    const id = edit.record['id'];
    return {
      projects: projects.map((record) => (idOf(record) === id ? edit.record : record)),
      added: [],
      updated: [String(id)],
      removed: [],
    };
  }
  return {
    projects: projects.filter((record) => idOf(record) !== edit.id),
    added: [],
    updated: [],
    removed: [edit.id],
  };
}

/** `id`, or `id-2`, `id-3` … whichever no project has yet. */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}
