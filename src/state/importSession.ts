import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { Registry } from '../data/registry';
import { DISTRICTS } from '../data/schema';
import type { ValidationResult } from '../data/validate';
import {
  draftToNewPark,
  errorText,
  fieldValue,
  planChanges,
  planImport,
  planKey,
  readImportFiles,
  validateMerged,
  type ImportChoices,
  type ImportPlan,
  type ImportSource,
  type ImportedQuality,
  type InputFile,
  type ParkDraft,
  type Text,
} from '../import';
import { createCachedCheck, createDebounced } from './createCachedCheck';

/** How an unmatched feature is to be treated: left out, given to a park, or added as a new one. */
export type FeatureChoice = { kind: 'skip' } | { kind: 'park'; id: string } | { kind: 'new' };

/** Validates merged parks against the registry's chains and projects. */
export type MergedValidator = (
  registry: Registry,
  parks: unknown,
) => ValidationResult | Promise<ValidationResult>;

/** Options of {@link createImportSession}. */
export interface ImportSessionOptions {
  /** The registry the file is merged into. */
  readonly registry: Accessor<Registry>;
  /** The validator; by default the registry's own, on this thread. */
  readonly validate?: MergedValidator;
  /** How long typing must pause before the form's text reaches the merge (ms). */
  readonly typingDelay?: number;
  /** How long a new plan must stand before it is validated (ms). */
  readonly checkDelay?: number;
  /** Today, YYYY-MM-DD (for the boundary notes). */
  readonly today?: string;
}

/** A plan that passed validation, ready to apply: the validation is the one apply stores. */
export interface ValidatedPlan {
  readonly plan: ImportPlan;
  readonly validated: ValidationResult;
}

/** The state of one import: what was read, what was chosen, the plan and its validation. */
export interface ImportSession {
  readonly source: Accessor<ImportSource | null>;
  readonly error: Accessor<Text | null>;
  readonly setError: (error: Text | null) => void;
  readonly busy: Accessor<boolean>;
  readonly setBusy: (busy: boolean) => void;
  /** 'auto', a system id, or 'other' (then {@link otherCode} holds the EPSG code). */
  readonly crsChoice: Accessor<string>;
  readonly setCrsChoice: (choice: string) => void;
  readonly otherCode: Accessor<string>;
  readonly setOtherCode: (code: string) => void;
  /** The datum shift: 'default' (the file's own, else the built-in one), 'none', 'epsg:15919'. */
  readonly datumShift: Accessor<string>;
  readonly setDatumShift: (shift: string) => void;
  /** The match field a person chose (null: the suggested one; see the plan's `field`). */
  readonly setField: (field: string) => void;
  readonly quality: Accessor<ImportedQuality>;
  readonly setQuality: (quality: ImportedQuality) => void;
  readonly choices: Accessor<ReadonlyMap<number, FeatureChoice>>;
  /** '' (no choice), 'skip', 'new', or a park id. */
  setChoice(feature: number, value: string): void;
  readonly drafts: Accessor<ReadonlyMap<number, ParkDraft>>;
  updateDraft(feature: number, change: Partial<ParkDraft>): void;
  /** The file through every stage but validation, for what the form shows once typing pauses. */
  readonly plan: Accessor<ImportPlan | null>;
  /** The validation of the current plan; undefined while it waits (or there is nothing to check). */
  readonly validation: Accessor<ValidationResult | undefined>;
  /** Whether the form or the validation has not caught up with the latest input yet. */
  readonly checking: Accessor<boolean>;
  /** Whether Apply would apply something valid. */
  readonly canApply: Accessor<boolean>;
  /** Reads the chosen or dropped files; a file that cannot be read leaves the error and no plan. */
  readFiles(files: readonly File[]): Promise<void>;
  /** The current plan with its validation (validated now if it has not been), or null. */
  validated(): Promise<ValidatedPlan | null>;
}

/**
 * Creates the state of the import dialog. Reading and every choice update the plan at once
 * (`planImport`, reusing the stages that did not change), except the new-park form's text, which
 * reaches the plan once typing pauses. The merged registry is validated on demand: debounced,
 * and at most once per distinct input (`createCachedCheck`), and the result is what apply uses.
 */
export function createImportSession(options: ImportSessionOptions): ImportSession {
  const validate = options.validate ?? validateMerged;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [source, setSource] = createSignal<ImportSource | null>(null);
  const [sourceId, setSourceId] = createSignal(0);
  const [error, setError] = createSignal<Text | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [crsChoice, setCrsChoice] = createSignal('auto');
  const [otherCode, setOtherCode] = createSignal('');
  const [datumShift, setDatumShift] = createSignal('default');
  const [field, setField] = createSignal<string | null>(null);
  const [quality, setQuality] = createSignal<ImportedQuality>('official');
  const [choices, setChoices] = createSignal<ReadonlyMap<number, FeatureChoice>>(new Map());
  const [drafts, setDrafts] = createSignal<ReadonlyMap<number, ParkDraft>>(new Map());
  const typed = createDebounced(drafts, options.typingDelay ?? 300);

  const importChoices = createMemo((): ImportChoices => {
    const manual = new Map<number, string | null>();
    const newParks = [];
    for (const [feature, choice] of choices()) {
      manual.set(feature, choice.kind === 'park' ? choice.id : null);
      const draft = typed.value().get(feature);
      if (choice.kind === 'new' && draft) newParks.push(draftToNewPark(feature, draft));
    }
    return {
      crs: crsChoice() === 'other' ? otherCode() : crsChoice(),
      datumShift: datumShift(),
      matchField: field(),
      boundary: quality(),
      manual,
      newParks,
      date: today,
    };
  });

  const plan = createMemo((previous: ImportPlan | null): ImportPlan | null => {
    const current = source();
    return current ? planImport(current, options.registry(), importChoices(), previous) : null;
  }, null);

  const checkInput = createMemo(
    () => {
      const current = plan();
      // A plan that changes nothing is not worth validating: it cannot be applied anyway.
      return current && planChanges(current)
        ? { key: planKey(sourceId(), current.choices), value: current }
        : null;
    },
    null,
    { equals: (a, b) => a?.key === b?.key && a?.value.registry === b?.value.registry },
  );
  const check = createCachedCheck(
    checkInput,
    (current: ImportPlan) => validate(current.registry, current.merged?.parks),
    { delay: options.checkDelay ?? 150 },
  );

  const readFiles = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const inputs: InputFile[] = await Promise.all(
        files.map(async (file) => ({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      );
      const read = readImportFiles(inputs);
      batch(() => {
        setSource(read);
        setSourceId((id) => id + 1);
        setCrsChoice('auto');
        setDatumShift('default');
        setChoices(new Map());
        setDrafts(new Map());
        typed.flush();
        setField(null);
      });
    } catch (caught) {
      // A file that cannot be imported changes nothing: the previous preview goes too.
      setSource(null);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const blankDraft = (feature: number): ParkDraft => {
    const current = source();
    const properties = current?.features.find((f) => f.index === feature)?.properties ?? {};
    const chain = options.registry().chains[0]?.id;
    return {
      id: '',
      nameZh: fieldValue(properties, plan()?.field ?? ''),
      nameEn: '',
      kind: 'elevated',
      zone: '',
      level: 'municipal',
      district: DISTRICTS[0],
      lead: chain ? [chain] : [],
      sourceTitle: current?.fileName ?? '',
      sourceUrl: '',
    };
  };

  const setChoice = (feature: number, value: string): void => {
    const next = new Map(choices());
    if (value === 'skip') next.set(feature, { kind: 'skip' });
    else if (value === 'new') {
      next.set(feature, { kind: 'new' });
      if (!drafts().has(feature)) setDrafts(new Map(drafts()).set(feature, blankDraft(feature)));
    } else if (value === '') next.delete(feature);
    else next.set(feature, { kind: 'park', id: value });
    batch(() => {
      setChoices(next);
      // A choice from a list is not typing: the plan follows it at once.
      typed.flush();
    });
  };

  const updateDraft = (feature: number, change: Partial<ParkDraft>): void => {
    const draft = drafts().get(feature);
    if (draft) setDrafts(new Map(drafts()).set(feature, { ...draft, ...change }));
  };

  const checking = (): boolean => !typed.settled() || check.pending();
  const canApply = (): boolean => {
    const current = plan();
    const result = check.result();
    return (
      !checking() && !!current && planChanges(current) && !!result && result.findings.length === 0
    );
  };

  return {
    source,
    error,
    setError,
    busy,
    setBusy,
    crsChoice,
    setCrsChoice,
    otherCode,
    setOtherCode,
    datumShift,
    setDatumShift,
    setField,
    quality,
    setQuality,
    choices,
    setChoice,
    drafts,
    updateDraft,
    plan,
    validation: check.result,
    checking,
    canApply,
    readFiles,
    validated: async () => {
      typed.flush();
      const current = plan();
      const result = await check.now();
      return current && result ? { plan: current, validated: result } : null;
    },
  };
}
