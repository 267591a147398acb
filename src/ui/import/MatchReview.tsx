import { For, Show, type JSX } from 'solid-js';
import type { Registry } from '../../data/registry';
import { nameIn, t, type Lang } from '../../domain/i18n';
import type { FeatureMatch, ImportSource, ImportedQuality, MatchResult } from '../../import';
import type { ImportSession } from '../../state/importSession';
import NewParkForm from './NewParkForm';
import { ti } from './strings';

/** A park's name in `lang`, or its id when the registry has no such park. */
function parkNamer(registry: Registry, lang: Lang): (id: string) => string {
  return (id) => {
    const park = registry.parks.find((p) => p.properties.id === id);
    return park ? nameIn(park.properties.name, lang) : id;
  };
}

/** One feature no park matched: what to do with it, and the new-park form when it is added. */
function UnmatchedFeature(props: {
  feature: FeatureMatch;
  session: ImportSession;
  registry: Registry;
  lang: Lang;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const index = (): number => props.feature.feature;
  const choice = () => props.session.choices().get(index());
  const value = (): string => {
    const current = choice();
    if (!current) return '';
    return current.kind === 'park' ? current.id : current.kind;
  };
  const draft = () => (choice()?.kind === 'new' ? props.session.drafts().get(index()) : undefined);
  return (
    <li>
      <label class="import-field">
        <span>
          {`#${index() + 1} ${props.feature.value || ti('import.noValue', lang())}`}
          <span class="muted">
            {' '}
            · {ti(`import.reason.${props.feature.reason ?? 'no-park'}`, lang())}
          </span>
        </span>
        <select
          value={value()}
          onChange={(event) => props.session.setChoice(index(), event.currentTarget.value)}
        >
          <option value="">{ti('import.leaveOut', lang())}</option>
          <option value="new">{ti('import.addNew', lang())}</option>
          <For each={props.registry.parks}>
            {(park) => (
              <option value={park.properties.id}>
                {ti('import.assignTo', lang(), { name: nameIn(park.properties.name, lang()) })}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={draft()}>
        {(current) => (
          <NewParkForm
            draft={current()}
            registry={props.registry}
            lang={lang()}
            onChange={(change) => props.session.updateDraft(index(), change)}
          />
        )}
      </Show>
    </li>
  );
}

/**
 * Matching the file to the parks: the match field and the boundary quality to set, then the
 * parks matched (with the features that make them), the features matched to none (each can be
 * left out, assigned by hand or added as a new park) and the parks the file leaves out.
 */
export default function MatchReview(props: {
  session: ImportSession;
  source: ImportSource;
  match: MatchResult;
  registry: Registry;
  lang: Lang;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const parkName = (id: string): string => parkNamer(props.registry, lang())(id);
  const featureValues = (indices: readonly number[]): string =>
    indices
      .map((i) => props.match.features.find((f) => f.feature === i)?.value || `#${i + 1}`)
      .join('、');
  return (
    <>
      <h3>{ti('import.matching', lang())}</h3>
      <div class="import-row">
        <label class="import-field">
          <span>{ti('import.matchField', lang())}</span>
          <select
            value={props.match.field ?? ''}
            onChange={(event) => props.session.setField(event.currentTarget.value)}
          >
            <For each={props.source.fields}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </label>
        <label class="import-field">
          <span>{ti('import.quality', lang())}</span>
          <select
            value={props.session.quality()}
            onChange={(event) =>
              props.session.setQuality(event.currentTarget.value as ImportedQuality)
            }
          >
            <option value="official">{t('boundary.official', lang())}</option>
            <option value="approximate">{t('boundary.approximate', lang())}</option>
          </select>
        </label>
      </div>

      <h4>
        {ti('import.matched', lang())} ({props.match.matched.size})
      </h4>
      <ul class="import-list" aria-label={ti('import.matched', lang())}>
        <For each={[...props.match.matched.entries()]}>
          {([parkId, indices]) => (
            <li data-park-id={parkId}>
              {parkName(parkId)} ← {featureValues(indices)}
            </li>
          )}
        </For>
      </ul>

      <h4>
        {ti('import.unmatched', lang())} ({props.match.unmatched.length})
      </h4>
      <ul class="import-list" aria-label={ti('import.unmatched', lang())}>
        <For each={props.match.unmatched}>
          {(feature) => (
            <UnmatchedFeature
              feature={feature}
              session={props.session}
              registry={props.registry}
              lang={lang()}
            />
          )}
        </For>
      </ul>

      <h4>
        {ti('import.missing', lang())} ({props.match.missing.length})
      </h4>
      <p class="small muted">{ti('import.missingHint', lang())}</p>
      <ul class="import-list small" aria-label={ti('import.missing', lang())}>
        <For each={props.match.missing}>{(id) => <li>{parkName(id)}</li>}</For>
      </ul>
    </>
  );
}
