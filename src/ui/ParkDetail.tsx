import { For, Show, createSignal, lazy, onCleanup, onMount, untrack, type JSX } from 'solid-js';
import type { ParkRecord, ParkRecordRead } from '../data/parkRecord';
import type { ParkRecords } from '../data/parkRecords';
import { useAppState } from '../state/context';
import type { ParkProperties } from '../data/schema';
import type { ParkSummary, RegistryPark } from '../data/registry';
import {
  formatArea,
  formatPartialDate,
  formatPercent,
  nameIn,
  t,
  type I18nKey,
} from '../domain/i18n';
import { parkChains } from '../domain/membership';
import ChainTagButton from './chain/ChainTagButton';
import ParkProjects from './ParkProjects';
import type { ProjectEditing } from './projects/editing';
import Sources from './Sources';

// Only a tiled registry's park is ever read from a file: its loading and failure lines load then.
const ParkRecordStatus = lazy(() => import('./tiles/ParkRecordStatus'));

/** A term and its description, skipped when there is nothing to say. */
function Fact(props: { term: string; children: JSX.Element }): JSX.Element {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/**
 * The selected park: its facts, how sure we are of them, its sources and its projects. The
 * summary (what the list shows) is there at once; the rest of the record (sources, notes, bases,
 * industries, the projects' sources) comes from `records`, at once for a registry loaded whole,
 * from the park's file for a tiled one, with a loading line meanwhile and the file named on failure.
 */
export default function ParkDetail(props: {
  park: RegistryPark;
  records: ParkRecords;
  onClose: () => void;
  onOpenPark: (id: string) => void;
  onShowProject: (id: string) => void;
  /** Where the explorer can store edits: the project list gets add, edit and delete. */
  editing?: ProjectEditing;
}): JSX.Element {
  const state = useAppState();
  let heading!: HTMLHeadingElement;
  const lang = (): 'zh' | 'en' => state.lang();
  const p = (): ParkSummary => props.park.properties;
  // The detail is rebuilt for another park (keyed by its parent), so the id is read once.
  const parkId = untrack(() => props.park.properties.id);
  const inMemory = untrack(() => props.records.now(parkId));
  const [read, setRead] = createSignal<ParkRecordRead | null>(
    inMemory ? { ok: true, value: inMemory } : null,
  );
  let open = true;
  onCleanup(() => (open = false));
  const load = (): void => {
    setRead(null);
    void props.records.read(parkId).then((result) => {
      if (open) setRead(result);
    });
  };
  const record = (): ParkRecord | undefined => {
    const result = read();
    return result?.ok ? result.value : undefined;
  };
  const full = (): ParkProperties | undefined => record()?.park.properties;
  const problem = (): string | null => {
    const result = read();
    return result && !result.ok ? result.message : null;
  };
  const zone = () => (p().zone ? state.index.parkById.get(p().zone ?? '') : undefined);
  const linkedParks = () => state.index.linkedParksByZone.get(p().id) ?? [];
  const focus = () => state.index.focusOf(p().id);
  const inferred = (basis: string | undefined): JSX.Element => (
    <Show when={basis === 'inferred'}>
      <span class="basis"> ({t('basis.inferred', lang())})</span>
    </Show>
  );

  onMount(() => {
    heading.focus();
    if (!inMemory) load();
  });

  return (
    <section
      class="park-detail"
      role="region"
      aria-labelledby="park-detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose();
      }}
    >
      <div class="detail-head">
        <button type="button" class="back-button" onClick={() => props.onClose()}>
          ← {t('backToList', lang())}
        </button>
      </div>
      <h2 id="park-detail-title" tabindex="-1" ref={heading}>
        {nameIn(p().name, lang())}
      </h2>
      <Show when={lang() === 'en' ? p().name.zh : p().name.en}>
        {(other) => (
          <p class="other-name" lang={lang() === 'en' ? 'zh-CN' : 'en'}>
            {other()}
          </p>
        )}
      </Show>
      <Show when={read()?.ok !== true}>
        <ParkRecordStatus
          file={props.records.fileOf(parkId) ?? parkId}
          problem={problem()}
          lang={lang()}
          onRetry={load}
        />
      </Show>
      <div class="park-tags">
        <For each={parkChains(p())}>
          {(chainId) => {
            const chain = state.index.chainById.get(chainId);
            return chain ? <ChainTagButton chain={chain} /> : null;
          }}
        </For>
        {inferred(full()?.lead_basis)}
      </div>
      <Show when={p().boundary !== 'official'}>
        <p class="boundary-notice" role="note">
          <strong>{t(`boundary.${p().boundary}` as I18nKey, lang())}</strong>
          <Show when={full()}>{(f) => <> — {f().boundary_note[lang()]}</>}</Show>
        </p>
      </Show>
      <dl class="facts">
        <Fact term={t('kind', lang())}>
          {t(`kind.${p().kind}` as I18nKey, lang())}
          {inferred(full()?.kind_basis)}
        </Fact>
        <Show when={zone()}>
          {(zonePark) => (
            <Fact term={t('zone', lang())}>
              <button
                type="button"
                class="link-button"
                onClick={() => props.onOpenPark(zonePark().properties.id)}
              >
                {nameIn(zonePark().properties.name, lang())}
              </button>
            </Fact>
          )}
        </Show>
        <Show when={linkedParks().length > 0}>
          <Fact term={t('linkedParks', lang())}>
            <ul role="list" class="inline-list">
              <For each={linkedParks()}>
                {(linked) => (
                  <li>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => props.onOpenPark(linked.properties.id)}
                    >
                      {nameIn(linked.properties.name, lang())}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Fact>
        </Show>
        <Fact term={t('level', lang())}>{t(`level.${p().level}` as I18nKey, lang())}</Fact>
        <Fact term={t('district', lang())}>{t(`district.${p().district}` as I18nKey, lang())}</Fact>
        <Show when={full()}>
          {(f) => (
            <Fact term={t('industries', lang())}>
              <Show when={f().industries.length > 0} fallback={t('unknown', lang())}>
                {f()
                  .industries.map((industry) => industry[lang()])
                  .join(lang() === 'zh' ? '、' : '; ')}
              </Show>
            </Fact>
          )}
        </Show>
        <Fact term={t('reportedArea', lang())}>
          <Show when={p().area_km2} fallback={t('unknown', lang())}>
            {(km2) => (
              <>
                {formatArea(km2(), lang())}
                <Show when={full()?.area_basis}>
                  {(basis) => (
                    <span class="muted"> · {t(`areaBasis.${basis()}` as I18nKey, lang())}</span>
                  )}
                </Show>
                <Show when={full()?.area_year}>
                  {(year) => <span class="muted"> · {year()}</span>}
                </Show>
              </>
            )}
          </Show>
        </Fact>
        <Fact term={t('computedArea', lang())}>
          {formatArea(state.index.areaOf(p().id), lang())}
          <span class="muted"> · {t(`boundary.${p().boundary}` as I18nKey, lang())}</span>
        </Fact>
        <Show when={full()}>
          {(f) => (
            <>
              <Fact term={t('established', lang())}>
                {f().established
                  ? formatPartialDate(f().established ?? '', lang())
                  : t('unknown', lang())}
              </Fact>
              <Fact term={t('confidence', lang())}>
                {t(`confidence.${f().confidence}` as I18nKey, lang())}
              </Fact>
            </>
          )}
        </Show>
        <Fact term={t('leadFocus', lang())}>
          <Show when={focus().projects > 0} fallback={t('noProjects', lang())}>
            {formatPercent(focus().projectShare, lang())} {t('ofProjectsInLead', lang())}
            <Show when={focus().knownInvestment > 0}>
              {' · '}
              {formatPercent(focus().investmentShare, lang())} {t('ofInvestmentInLead', lang())}
            </Show>
          </Show>
        </Fact>
        <Show when={full()}>
          {(f) => <Fact term={t('asOf', lang())}>{formatPartialDate(f().as_of, lang())}</Fact>}
        </Show>
      </dl>
      <Show when={full()?.note}>{(note) => <p class="note">{note()[lang()]}</p>}</Show>

      <ParkProjects
        parkId={p().id}
        records={record()?.projects}
        editing={props.editing}
        onShowProject={(id) => props.onShowProject(id)}
      />
      <Show when={full()}>
        {(f) => (
          <>
            <h3>{t('sources', lang())}</h3>
            <Sources sources={f().sources} lang={lang()} />
          </>
        )}
      </Show>
    </section>
  );
}
