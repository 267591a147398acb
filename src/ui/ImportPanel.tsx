import {
  For,
  Show,
  createEffect,
  createMemo,
  createSignal,
  onCleanup,
  onMount,
  type JSX,
} from 'solid-js';
import type { FeatureCollection } from 'geojson';
import type { LoadedData, StoredImport } from '../data/persist';
import { saveImport, withState } from '../data/persist';
import {
  DISTRICTS,
  PARK_KINDS,
  PARK_LEVELS,
  type District,
  type ParkKind,
  type ParkLevel,
} from '../data/schema';
import { formatFinding } from '../data/findings';
import { nameIn, t, type Lang } from '../domain/i18n';
import {
  COMMON_CRS,
  convertSource,
  crsById,
  errorText,
  fieldValue,
  formatParksFile,
  matchFeatures,
  mergeImport,
  readImportFiles,
  suggestMatchField,
  validateMerged,
  type ConvertedSource,
  type CrsDef,
  type ImportSource,
  type ImportedQuality,
  type NewParkInput,
  type Text,
} from '../import';
import type { MapController } from '../map/controller';
import { downloadFile } from './download';
import './import/import.css';
import { ti } from './import/strings';

/** What a user types to add an unmatched feature as a new park. */
interface Draft {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: ParkKind;
  zone: string;
  level: ParkLevel;
  district: District;
  lead: string[];
  sourceTitle: string;
  sourceUrl: string;
}

/** How an unmatched feature is to be treated: left out, given to a park, or added as a new one. */
type Choice = { kind: 'skip' } | { kind: 'park'; id: string } | { kind: 'new' };

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The import dialog: choose a file (or drop it), settle its coordinate system, pick the match
 * field, look at the preview on the map, see which parks match, which features do not and which
 * parks the file leaves out, read the validator's findings, then apply — or not. Nothing changes
 * until Apply; the previous registry stays one Undo away.
 */
export default function ImportPanel(props: {
  data: LoadedData;
  lang: Lang;
  controller: MapController | undefined;
  onChange: (data: LoadedData) => void;
  onClose: () => void;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const say = (message: Text): string => message[lang()];
  const registry = () => props.data.active.registry;
  const parkName = (id: string): string => {
    const park = registry().parks.find((p) => p.properties.id === id);
    return park ? nameIn(park.properties.name, lang()) : id;
  };

  let heading!: HTMLHeadingElement;
  const [source, setSource] = createSignal<ImportSource | null>(null);
  const [error, setError] = createSignal<Text | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [dragging, setDragging] = createSignal(false);
  const [crsChoice, setCrsChoice] = createSignal('auto');
  const [otherCode, setOtherCode] = createSignal('');
  const [field, setField] = createSignal<string | null>(null);
  const [quality, setQuality] = createSignal<ImportedQuality>('official');
  const [choices, setChoices] = createSignal<ReadonlyMap<number, Choice>>(new Map());
  const [drafts, setDrafts] = createSignal<ReadonlyMap<number, Draft>>(new Map());
  const [status, setStatus] = createSignal<Text | null>(null);

  const readFiles = async (list: FileList | readonly File[] | null): Promise<void> => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const inputs = await Promise.all(
        files.map(async (file) => ({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      );
      const read = readImportFiles(inputs);
      setSource(read);
      setCrsChoice('auto');
      setChoices(new Map());
      setDrafts(new Map());
      setField(null);
    } catch (caught) {
      // A file that cannot be imported changes nothing: the previous preview goes too.
      setSource(null);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const crs = createMemo((): CrsDef | null => {
    const current = source();
    if (!current) return null;
    const choice = crsChoice();
    if (choice === 'auto') return current.guess.crs;
    if (choice === 'other') return crsById(otherCode());
    return crsById(choice);
  });

  const converted = createMemo((): ConvertedSource | null => {
    const current = source();
    const system = crs();
    if (!current || !system) return null;
    return convertSource(current, system, crsChoice() === 'auto' && current.guess.swapAxes);
  });

  const matchField = createMemo((): string | null => {
    const current = source();
    const result = converted();
    if (!current || !result) return null;
    const chosen = field();
    if (chosen !== null && current.fields.includes(chosen)) return chosen;
    return suggestMatchField(result.features, current.fields, registry().parks);
  });

  const manual = createMemo(() => {
    const map = new Map<number, string | null>();
    for (const [feature, choice] of choices()) {
      map.set(feature, choice.kind === 'park' ? choice.id : null);
    }
    return map;
  });

  const match = createMemo(() => {
    const result = converted();
    if (!result) return null;
    return matchFeatures(result.features, matchField(), registry().parks, manual());
  });

  const newParks = createMemo((): NewParkInput[] => {
    const list: NewParkInput[] = [];
    for (const [feature, choice] of choices()) {
      const draft = drafts().get(feature);
      if (choice.kind !== 'new' || !draft) continue;
      list.push({
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
      });
    }
    return list;
  });

  const merged = createMemo(() => {
    const current = source();
    const result = converted();
    const matched = match();
    if (!current || !result || !matched) return null;
    return mergeImport(registry(), result.features, matched, {
      boundary: quality(),
      fileName: current.fileName,
      date: today(),
      newParks: newParks(),
    });
  });

  const validation = createMemo(() => {
    const result = merged();
    return result ? validateMerged(registry(), result.parks) : null;
  });

  const canApply = () => {
    const result = merged();
    const checked = validation();
    return (
      !!result &&
      !!checked &&
      checked.findings.length === 0 &&
      result.changed.length + result.added.length > 0
    );
  };

  // The preview follows the conversion: a new system or file redraws it at once.
  createEffect(() => {
    const result = converted();
    const collection: FeatureCollection | null = result
      ? {
          type: 'FeatureCollection',
          features: result.features.map((feature) => ({
            type: 'Feature',
            properties: { index: feature.index },
            geometry: feature.geometry,
          })),
        }
      : null;
    props.controller?.showPreview(collection);
  });
  onCleanup(() => props.controller?.showPreview(null));

  onMount(() => heading.focus());

  const apply = async (): Promise<void> => {
    const result = merged();
    const current = source();
    if (!result || !current || !canApply()) return;
    setBusy(true);
    try {
      const stored: StoredImport = {
        parks: result.parks,
        fileName: current.fileName,
        appliedAt: new Date().toISOString(),
        changed: result.changed,
        added: result.added,
      };
      const state = await saveImport(props.data.key, stored);
      props.onChange(await withState(props.data.shipped, state, props.data.key));
    } catch (caught) {
      setError({
        zh: `无法保存到浏览器存储，未应用：${errorText(caught).zh}`,
        en: `Could not save to the browser's storage, so nothing was applied: ${errorText(caught).en}`,
      });
      setBusy(false);
    }
  };

  const exportCurrent = (): void => {
    const parks = {
      type: 'FeatureCollection' as const,
      features: registry().parks.map((park) => ({
        type: 'Feature',
        properties: park.properties,
        geometry: park.geometry,
      })),
    };
    downloadFile('parks.geojson', formatParksFile(parks), 'application/geo+json');
    setStatus({ zh: '已导出 parks.geojson。', en: 'parks.geojson exported.' });
  };

  const setChoice = (feature: number, value: string): void => {
    const next = new Map(choices());
    if (value === 'skip') next.set(feature, { kind: 'skip' });
    else if (value === 'new') {
      next.set(feature, { kind: 'new' });
      if (!drafts().has(feature)) {
        const name = fieldValue(
          source()?.features.find((f) => f.index === feature)?.properties ?? {},
          matchField() ?? '',
        );
        const chain = registry().chains[0]?.id;
        setDrafts(
          new Map(drafts()).set(feature, {
            id: '',
            nameZh: name,
            nameEn: '',
            kind: 'elevated',
            zone: '',
            level: 'municipal',
            district: DISTRICTS[0],
            lead: chain ? [chain] : [],
            sourceTitle: source()?.fileName ?? '',
            sourceUrl: '',
          }),
        );
      }
    } else if (value === '') next.delete(feature);
    else next.set(feature, { kind: 'park', id: value });
    setChoices(next);
  };

  const updateDraft = (feature: number, change: Partial<Draft>): void => {
    const draft = drafts().get(feature);
    if (draft) setDrafts(new Map(drafts()).set(feature, { ...draft, ...change }));
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  };

  const choiceValue = (feature: number): string => {
    const choice = choices().get(feature);
    if (!choice) return '';
    return choice.kind === 'park' ? choice.id : choice.kind;
  };

  const zones = () => registry().parks.filter((park) => park.properties.kind === 'main');

  return (
    <section
      class="import-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="import-heading"
      onKeyDown={onKeyDown}
    >
      <div class="import-head">
        <h2 id="import-heading" tabindex="-1" ref={heading}>
          {t('import.title', lang())}
        </h2>
        <button type="button" class="link-button" onClick={() => props.onClose()}>
          {t('close', lang())}
        </button>
      </div>
      <p class="muted small">{ti('import.intro', lang())}</p>

      <div
        class="import-drop"
        classList={{ dragging: dragging() }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void readFiles(event.dataTransfer?.files ?? null);
        }}
      >
        <label for="import-file">{ti('import.chooseFile', lang())}</label>
        <input
          id="import-file"
          type="file"
          multiple
          accept=".geojson,.json,.kml,.kmz,.zip,.shp,.dbf,.prj,.cpg,.shx"
          onChange={(event) => void readFiles(event.currentTarget.files)}
        />
        <p class="muted small">{ti('import.dropHint', lang())}</p>
      </div>

      <Show when={busy()}>
        <p role="status">{ti('import.reading', lang())}</p>
      </Show>
      <Show when={error()}>
        {(problem) => (
          <p class="import-error" role="alert">
            {say(problem())}
          </p>
        )}
      </Show>

      <Show when={source()}>
        {(current) => (
          <div class="import-body">
            <p class="small">
              {ti('import.read', lang(), {
                file: current().fileName,
                count: current().features.length,
              })}
            </p>
            <Show when={current().notes.length > 0}>
              <ul class="import-notes small">
                <For each={current().notes}>{(note) => <li>{say(note)}</li>}</For>
              </ul>
            </Show>

            <h3>{ti('import.crs', lang())}</h3>
            <p
              class="small"
              classList={{ 'import-warning': current().guess.certainty === 'unknown' }}
              role={current().guess.certainty === 'unknown' ? 'alert' : undefined}
            >
              {say(current().guess.message)}
            </p>
            <label class="import-field">
              <span>{ti('import.crsLabel', lang())}</span>
              <select
                value={crsChoice()}
                onChange={(event) => setCrsChoice(event.currentTarget.value)}
              >
                <option value="auto">
                  {(() => {
                    const guessed = current().guess.crs;
                    return guessed
                      ? ti('import.crsAuto', lang(), { name: say(guessed.name) })
                      : ti('import.crsChoose', lang());
                  })()}
                </option>
                <For each={COMMON_CRS}>
                  {(system) => <option value={system.id}>{say(system.name)}</option>}
                </For>
                <option value="other">{ti('import.crsOther', lang())}</option>
              </select>
            </label>
            <Show when={crsChoice() === 'other'}>
              <label class="import-field">
                <span>{ti('import.epsgCode', lang())}</span>
                <input
                  type="text"
                  inputmode="numeric"
                  placeholder="EPSG:4549"
                  value={otherCode()}
                  onInput={(event) => setOtherCode(event.currentTarget.value)}
                />
              </label>
              <Show when={otherCode().trim() !== '' && !crs()}>
                <p class="import-warning small" role="alert">
                  {ti('import.epsgUnknown', lang())}
                </p>
              </Show>
            </Show>

            <Show when={converted()}>
              {(result) => (
                <>
                  <p class="small import-preview-note">
                    <span class="import-swatch" aria-hidden="true" />{' '}
                    {ti('import.previewNote', lang(), { name: say(result().crs.name) })}
                  </p>
                  <Show when={result().warnings.length > 0}>
                    <ul class="import-notes small import-warning" role="status">
                      <For each={result().warnings}>{(warning) => <li>{say(warning)}</li>}</For>
                    </ul>
                  </Show>

                  <h3>{ti('import.matching', lang())}</h3>
                  <div class="import-row">
                    <label class="import-field">
                      <span>{ti('import.matchField', lang())}</span>
                      <select
                        value={matchField() ?? ''}
                        onChange={(event) => setField(event.currentTarget.value)}
                      >
                        <For each={current().fields}>
                          {(name) => <option value={name}>{name}</option>}
                        </For>
                      </select>
                    </label>
                    <label class="import-field">
                      <span>{ti('import.quality', lang())}</span>
                      <select
                        value={quality()}
                        onChange={(event) =>
                          setQuality(event.currentTarget.value as ImportedQuality)
                        }
                      >
                        <option value="official">{t('boundary.official', lang())}</option>
                        <option value="approximate">{t('boundary.approximate', lang())}</option>
                      </select>
                    </label>
                  </div>

                  <Show when={match()}>
                    {(matched) => (
                      <>
                        <h4>
                          {ti('import.matched', lang())} ({matched().matched.size})
                        </h4>
                        <ul class="import-list" aria-label={ti('import.matched', lang())}>
                          <For each={[...matched().matched.entries()]}>
                            {([parkId, indices]) => (
                              <li data-park-id={parkId}>
                                {parkName(parkId)} ←{' '}
                                {indices
                                  .map(
                                    (i) =>
                                      matched().features.find((f) => f.feature === i)?.value ||
                                      `#${i + 1}`,
                                  )
                                  .join('、')}
                              </li>
                            )}
                          </For>
                        </ul>

                        <h4>
                          {ti('import.unmatched', lang())} ({matched().unmatched.length})
                        </h4>
                        <ul class="import-list" aria-label={ti('import.unmatched', lang())}>
                          <For each={matched().unmatched}>
                            {(feature) => {
                              const draft = () => drafts().get(feature.feature);
                              const label = `#${feature.feature + 1} ${feature.value || ti('import.noValue', lang())}`;
                              return (
                                <li>
                                  <label class="import-field">
                                    <span>
                                      {label}
                                      <span class="muted">
                                        {' '}
                                        ·{' '}
                                        {ti(`import.reason.${feature.reason ?? 'no-park'}`, lang())}
                                      </span>
                                    </span>
                                    <select
                                      value={choiceValue(feature.feature)}
                                      onChange={(event) =>
                                        setChoice(feature.feature, event.currentTarget.value)
                                      }
                                    >
                                      <option value="">{ti('import.leaveOut', lang())}</option>
                                      <option value="new">{ti('import.addNew', lang())}</option>
                                      <For each={registry().parks}>
                                        {(park) => (
                                          <option value={park.properties.id}>
                                            {ti('import.assignTo', lang(), {
                                              name: nameIn(park.properties.name, lang()),
                                            })}
                                          </option>
                                        )}
                                      </For>
                                    </select>
                                  </label>
                                  <Show
                                    when={choices().get(feature.feature)?.kind === 'new' && draft()}
                                  >
                                    {(d) => (
                                      <fieldset class="import-new-park">
                                        <legend>{ti('import.newPark', lang())}</legend>
                                        <label class="import-field">
                                          <span>{ti('import.newId', lang())}</span>
                                          <input
                                            type="text"
                                            required
                                            placeholder="zj-new-park"
                                            value={d().id}
                                            onInput={(event) =>
                                              updateDraft(feature.feature, {
                                                id: event.currentTarget.value,
                                              })
                                            }
                                          />
                                        </label>
                                        <label class="import-field">
                                          <span>{t('export.nameZh', lang())}</span>
                                          <input
                                            type="text"
                                            required
                                            value={d().nameZh}
                                            onInput={(event) =>
                                              updateDraft(feature.feature, {
                                                nameZh: event.currentTarget.value,
                                              })
                                            }
                                          />
                                        </label>
                                        <label class="import-field">
                                          <span>{t('export.nameEn', lang())}</span>
                                          <input
                                            type="text"
                                            value={d().nameEn}
                                            onInput={(event) =>
                                              updateDraft(feature.feature, {
                                                nameEn: event.currentTarget.value,
                                              })
                                            }
                                          />
                                        </label>
                                        <label class="import-field">
                                          <span>{t('kind', lang())}</span>
                                          <select
                                            value={d().kind}
                                            onChange={(event) =>
                                              updateDraft(feature.feature, {
                                                kind: event.currentTarget.value as ParkKind,
                                              })
                                            }
                                          >
                                            <For each={PARK_KINDS}>
                                              {(kind) => (
                                                <option value={kind}>
                                                  {t(`kind.${kind}`, lang())}
                                                </option>
                                              )}
                                            </For>
                                          </select>
                                        </label>
                                        <Show when={d().kind === 'linked'}>
                                          <label class="import-field">
                                            <span>{t('zone', lang())}</span>
                                            <select
                                              value={d().zone}
                                              onChange={(event) =>
                                                updateDraft(feature.feature, {
                                                  zone: event.currentTarget.value,
                                                })
                                              }
                                            >
                                              <option value="">—</option>
                                              <For each={zones()}>
                                                {(zone) => (
                                                  <option value={zone.properties.id}>
                                                    {nameIn(zone.properties.name, lang())}
                                                  </option>
                                                )}
                                              </For>
                                            </select>
                                          </label>
                                        </Show>
                                        <label class="import-field">
                                          <span>{t('level', lang())}</span>
                                          <select
                                            value={d().level}
                                            onChange={(event) =>
                                              updateDraft(feature.feature, {
                                                level: event.currentTarget.value as ParkLevel,
                                              })
                                            }
                                          >
                                            <For each={PARK_LEVELS}>
                                              {(level) => (
                                                <option value={level}>
                                                  {t(`level.${level}`, lang())}
                                                </option>
                                              )}
                                            </For>
                                          </select>
                                        </label>
                                        <label class="import-field">
                                          <span>{t('district', lang())}</span>
                                          <select
                                            value={d().district}
                                            onChange={(event) =>
                                              updateDraft(feature.feature, {
                                                district: event.currentTarget.value as District,
                                              })
                                            }
                                          >
                                            <For each={DISTRICTS}>
                                              {(district) => (
                                                <option value={district}>
                                                  {t(`district.${district}`, lang())}
                                                </option>
                                              )}
                                            </For>
                                          </select>
                                        </label>
                                        <fieldset class="import-lead">
                                          <legend>{t('lead', lang())}</legend>
                                          <For each={registry().chains}>
                                            {(chain) => (
                                              <label>
                                                <input
                                                  type="checkbox"
                                                  checked={d().lead.includes(chain.id)}
                                                  onChange={(event) =>
                                                    updateDraft(feature.feature, {
                                                      lead: event.currentTarget.checked
                                                        ? [...d().lead, chain.id]
                                                        : d().lead.filter((id) => id !== chain.id),
                                                    })
                                                  }
                                                />{' '}
                                                {chain.name[lang()]}
                                              </label>
                                            )}
                                          </For>
                                        </fieldset>
                                        <label class="import-field">
                                          <span>{ti('import.sourceTitle', lang())}</span>
                                          <input
                                            type="text"
                                            required
                                            value={d().sourceTitle}
                                            onInput={(event) =>
                                              updateDraft(feature.feature, {
                                                sourceTitle: event.currentTarget.value,
                                              })
                                            }
                                          />
                                        </label>
                                        <label class="import-field">
                                          <span>{ti('import.sourceUrl', lang())}</span>
                                          <input
                                            type="url"
                                            value={d().sourceUrl}
                                            onInput={(event) =>
                                              updateDraft(feature.feature, {
                                                sourceUrl: event.currentTarget.value,
                                              })
                                            }
                                          />
                                        </label>
                                      </fieldset>
                                    )}
                                  </Show>
                                </li>
                              );
                            }}
                          </For>
                        </ul>

                        <h4>
                          {ti('import.missing', lang())} ({matched().missing.length})
                        </h4>
                        <p class="small muted">{ti('import.missingHint', lang())}</p>
                        <ul class="import-list small" aria-label={ti('import.missing', lang())}>
                          <For each={matched().missing}>{(id) => <li>{parkName(id)}</li>}</For>
                        </ul>
                      </>
                    )}
                  </Show>

                  <h3>{ti('import.check', lang())}</h3>
                  <Show
                    when={(validation()?.findings.length ?? 0) > 0}
                    fallback={
                      <p class="small" role="status">
                        {canApply()
                          ? ti('import.valid', lang(), {
                              changed: merged()?.changed.length ?? 0,
                              added: merged()?.added.length ?? 0,
                            })
                          : ti('import.nothing', lang())}
                      </p>
                    }
                  >
                    <p class="import-warning small" role="status">
                      {ti('import.invalid', lang(), { count: validation()?.findings.length ?? 0 })}
                    </p>
                    <ul class="findings import-findings">
                      <For each={validation()?.findings ?? []}>
                        {(finding) => (
                          <li>
                            <code>{formatFinding(finding)}</code>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </>
              )}
            </Show>
          </div>
        )}
      </Show>

      <div class="button-row import-actions">
        <button
          type="button"
          class="primary"
          disabled={!canApply() || busy()}
          onClick={() => void apply()}
        >
          {ti('import.apply', lang())}
        </button>
        <button type="button" onClick={() => props.onClose()}>
          {ti('import.cancel', lang())}
        </button>
        <button type="button" onClick={exportCurrent}>
          {ti('import.export', lang())}
        </button>
      </div>
      <Show when={status()}>
        {(message) => (
          <p class="small" role="status">
            {say(message())}
          </p>
        )}
      </Show>
    </section>
  );
}
