import { For, type JSX } from 'solid-js';
import type { Registry } from '../../data/registry';
import { PROJECT_STATUSES } from '../../data/enums';
import { nameIn, t, type I18nKey, type Lang } from '../../domain/i18n';
import type { FormField as Field, MoneyUnit, ProjectFormValues } from '../../domain/projectForm';
import type { ProjectEditor } from '../../state/projectEditor';
import FormField, { describedBy, fieldIds, invalid } from './FormField';
import { tp, type ProjectsKey } from './strings';

type TextKey = {
  [K in keyof ProjectFormValues]: ProjectFormValues[K] extends string ? K : never;
}[keyof ProjectFormValues];

/**
 * The project form's fields but the location: names, park, chain and its segment, status, year,
 * investment with its unit, and the user's own source. Each writes to the editor as the user
 * types; the editor checks the record once typing pauses.
 */
export default function ProjectFields(props: {
  editor: ProjectEditor;
  registry: Registry;
  lang: Lang;
}): JSX.Element {
  const editor = (): ProjectEditor => props.editor;
  const values = (): ProjectFormValues => editor().values();
  const chain = () => props.registry.chains.find((c) => c.id === values().chain);

  const text = (
    key: TextKey & Field,
    label: ProjectsKey,
    inputMode?: 'numeric' | 'decimal',
  ): JSX.Element => (
    <FormField
      name={key}
      label={tp(label, props.lang)}
      problems={editor().problemsOf(key)}
      lang={props.lang}
    >
      <input
        type="text"
        inputmode={inputMode}
        id={fieldIds(key).input}
        aria-invalid={invalid(editor().problemsOf(key))}
        aria-describedby={describedBy(key, editor().problemsOf(key))}
        value={values()[key]}
        onInput={(event) => editor().set(key, event.currentTarget.value)}
      />
    </FormField>
  );

  return (
    <>
      {text('nameZh', 'edit.nameZh')}
      {text('nameEn', 'edit.nameEn')}
      <FormField
        name="park"
        label={tp('edit.park', props.lang)}
        problems={editor().problemsOf('park')}
        lang={props.lang}
      >
        <select
          id={fieldIds('park').input}
          aria-invalid={invalid(editor().problemsOf('park'))}
          aria-describedby={describedBy('park', editor().problemsOf('park'))}
          value={values().park}
          onChange={(event) => editor().set('park', event.currentTarget.value)}
        >
          <option value="">{tp('edit.noPark', props.lang)}</option>
          <For each={props.registry.parks}>
            {(park) => (
              <option value={park.properties.id}>{nameIn(park.properties.name, props.lang)}</option>
            )}
          </For>
        </select>
      </FormField>
      <FormField
        name="chain"
        label={tp('edit.chain', props.lang)}
        problems={editor().problemsOf('chain')}
        lang={props.lang}
      >
        <select
          id={fieldIds('chain').input}
          aria-invalid={invalid(editor().problemsOf('chain'))}
          aria-describedby={describedBy('chain', editor().problemsOf('chain'))}
          value={values().chain}
          onChange={(event) => {
            // Read before the first write redraws the select. A segment belongs to one chain:
            // a new chain starts with none.
            const chosen = event.currentTarget.value;
            editor().set('segment', '');
            editor().set('chain', chosen);
          }}
        >
          <option value="">{tp('edit.chooseChain', props.lang)}</option>
          <For each={props.registry.chains}>
            {(option) => <option value={option.id}>{option.name[props.lang]}</option>}
          </For>
        </select>
      </FormField>
      <FormField
        name="segment"
        label={tp('edit.segment', props.lang)}
        problems={editor().problemsOf('segment')}
        lang={props.lang}
      >
        <select
          id={fieldIds('segment').input}
          aria-invalid={invalid(editor().problemsOf('segment'))}
          aria-describedby={describedBy('segment', editor().problemsOf('segment'))}
          value={values().segment}
          onChange={(event) => editor().set('segment', event.currentTarget.value)}
        >
          <option value="">{tp('edit.noSegment', props.lang)}</option>
          <For each={chain()?.segments ?? []}>
            {(segment) => <option value={segment.id}>{segment.name[props.lang]}</option>}
          </For>
        </select>
      </FormField>
      <FormField
        name="status"
        label={tp('edit.status', props.lang)}
        problems={editor().problemsOf('status')}
        lang={props.lang}
      >
        <select
          id={fieldIds('status').input}
          aria-invalid={invalid(editor().problemsOf('status'))}
          aria-describedby={describedBy('status', editor().problemsOf('status'))}
          value={values().status}
          onChange={(event) =>
            editor().set('status', event.currentTarget.value as ProjectFormValues['status'])
          }
        >
          <For each={PROJECT_STATUSES}>
            {(status) => (
              <option value={status}>{t(`status.${status}` as I18nKey, props.lang)}</option>
            )}
          </For>
        </select>
      </FormField>
      {text('year', 'edit.year', 'numeric')}
      <div class="project-edit-money">
        {text('investment', 'edit.investment', 'decimal')}
        <label class="import-field">
          <span>{tp('edit.unit', props.lang)}</span>
          <select
            value={values().unit}
            onChange={(event) => editor().set('unit', event.currentTarget.value as MoneyUnit)}
          >
            <option value="yi">{tp('edit.unit.yi', props.lang)}</option>
            <option value="wan">{tp('edit.unit.wan', props.lang)}</option>
          </select>
        </label>
      </div>
      <fieldset class="project-edit-source">
        <legend>{tp('edit.source', props.lang)}</legend>
        {text('sourceTitle', 'edit.sourceTitle')}
        {text('sourceUrl', 'edit.sourceUrl')}
        {text('sourceDate', 'edit.sourceDate')}
      </fieldset>
    </>
  );
}
