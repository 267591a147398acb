import { For, Show, type JSX } from 'solid-js';
import {
  DISTRICTS,
  PARK_KINDS,
  PARK_LEVELS,
  type District,
  type ParkKind,
  type ParkLevel,
} from '../../data/schema';
import { type Registry } from '../../data/registry';
import { nameIn, t, type Lang } from '../../domain/i18n';
import type { ParkDraft } from '../../import';
import { ti } from './strings';

/** One labelled control of the form: the label text above its input or select. */
function Field(props: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <label class="import-field">
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}

/** A labelled text input that reports each edit. */
function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  type?: 'text' | 'url';
  placeholder?: string;
}): JSX.Element {
  return (
    <Field label={props.label}>
      <input
        type={props.type ?? 'text'}
        required={props.required}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </Field>
  );
}

/** A labelled select over fixed options. */
function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}): JSX.Element {
  return (
    <Field label={props.label}>
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        <For each={props.options}>
          {(option) => <option value={option.value}>{option.label}</option>}
        </For>
      </select>
    </Field>
  );
}

/**
 * The required facts of a park added from an unmatched feature. Every edit goes to `onChange`;
 * the form itself validates nothing (the dialog validates the merged registry once typing pauses).
 */
export default function NewParkForm(props: {
  draft: ParkDraft;
  registry: Registry;
  lang: Lang;
  onChange: (change: Partial<ParkDraft>) => void;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const zones = () => [
    { value: '', label: '—' },
    ...props.registry.parks
      .filter((park) => park.properties.kind === 'main')
      .map((zone) => ({ value: zone.properties.id, label: nameIn(zone.properties.name, lang()) })),
  ];
  const toggleLead = (chain: string, on: boolean): void =>
    props.onChange({
      lead: on ? [...props.draft.lead, chain] : props.draft.lead.filter((id) => id !== chain),
    });
  return (
    <fieldset class="import-new-park">
      <legend>{ti('import.newPark', lang())}</legend>
      <TextField
        label={ti('import.newId', lang())}
        required
        placeholder="zj-new-park"
        value={props.draft.id}
        onInput={(id) => props.onChange({ id })}
      />
      <TextField
        label={t('export.nameZh', lang())}
        required
        value={props.draft.nameZh}
        onInput={(nameZh) => props.onChange({ nameZh })}
      />
      <TextField
        label={t('export.nameEn', lang())}
        value={props.draft.nameEn}
        onInput={(nameEn) => props.onChange({ nameEn })}
      />
      <SelectField<ParkKind>
        label={t('kind', lang())}
        value={props.draft.kind}
        options={PARK_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`, lang()) }))}
        onChange={(kind) => props.onChange({ kind })}
      />
      <Show when={props.draft.kind === 'linked'}>
        <SelectField
          label={t('zone', lang())}
          value={props.draft.zone}
          options={zones()}
          onChange={(zone) => props.onChange({ zone })}
        />
      </Show>
      <SelectField<ParkLevel>
        label={t('level', lang())}
        value={props.draft.level}
        options={PARK_LEVELS.map((level) => ({ value: level, label: t(`level.${level}`, lang()) }))}
        onChange={(level) => props.onChange({ level })}
      />
      <SelectField<District>
        label={t('district', lang())}
        value={props.draft.district}
        options={DISTRICTS.map((district) => ({
          value: district,
          label: t(`district.${district}`, lang()),
        }))}
        onChange={(district) => props.onChange({ district })}
      />
      <fieldset class="import-lead">
        <legend>{t('lead', lang())}</legend>
        <For each={props.registry.chains}>
          {(chain) => (
            <label>
              <input
                type="checkbox"
                checked={props.draft.lead.includes(chain.id)}
                onChange={(event) => toggleLead(chain.id, event.currentTarget.checked)}
              />{' '}
              {chain.name[lang()]}
            </label>
          )}
        </For>
      </fieldset>
      <TextField
        label={ti('import.sourceTitle', lang())}
        required
        value={props.draft.sourceTitle}
        onInput={(sourceTitle) => props.onChange({ sourceTitle })}
      />
      <TextField
        label={ti('import.sourceUrl', lang())}
        type="url"
        value={props.draft.sourceUrl}
        onInput={(sourceUrl) => props.onChange({ sourceUrl })}
      />
    </fieldset>
  );
}
