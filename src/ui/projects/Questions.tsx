import { For, Show, type JSX } from 'solid-js';
import { PROJECT_STATUSES } from '../../data/schema';
import { type Registry } from '../../data/registry';
import { nameIn, statusLabel, textIn, type Lang } from '../../domain/i18n';
import {
  COORD_SYSTEMS,
  COORD_SYSTEM_NAMES,
  parkMayBeNull,
  segmentsOf,
  type Answer,
  type Question,
} from '../../import/projects';
import type { ProjectsSession } from '../../state/projectsSession';
import { tp } from './strings';

/** How many row numbers a question lists before it says how many in all. */
const SHOWN_ROWS = 8;

/** The options one question offers: candidates first, then everything else of its kind. */
function options(
  question: Question,
  registry: Registry,
  lang: Lang,
): { value: string; label: string }[] {
  let all: { value: string; label: string }[];
  switch (question.field) {
    case 'park':
      all = registry.parks.map((p) => ({
        value: p.properties.id,
        label: nameIn(p.properties.name, lang),
      }));
      break;
    case 'chain':
      all = registry.chains.map((c) => ({ value: c.id, label: textIn(c.name, lang) }));
      break;
    case 'segment': {
      const chain = registry.chains.find((c) => c.id === question.chain);
      all = segmentsOf(chain).map((s) => ({
        value: s.id,
        label: s.names[lang === 'zh' ? 0 : 1] ?? s.id,
      }));
      break;
    }
    case 'status':
      all = PROJECT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }));
      break;
    case 'unit':
      all = ['亿元', '万元', '元'].map((unit) => ({ value: unit, label: unit }));
      break;
    case 'crs':
      all = COORD_SYSTEMS.map((system) => {
        const fit = question.fits?.find((f) => f.system === system);
        const name = COORD_SYSTEM_NAMES[system][lang];
        return {
          value: system,
          label: fit?.of
            ? tp('projects.crsFit', lang, { name, inside: fit.inside, of: fit.of })
            : name,
        };
      });
      break;
  }
  const first = all.filter((o) => question.candidates.includes(o.value));
  return [...first, ...all.filter((o) => !question.candidates.includes(o.value))];
}

/** The rows a question waits for: all of them, or the first few and how many in all. */
function rowList(rows: readonly number[], lang: Lang): string {
  if (rows.length <= SHOWN_ROWS) return rows.join(', ');
  const first = rows.slice(0, SHOWN_ROWS).join(', ');
  return `${first} … ${tp('projects.rowsTotal', lang, { n: rows.length })}`;
}

function encode(answer: Answer | undefined): string {
  if (!answer) return '';
  return answer.kind === 'use' ? `use:${answer.value}` : answer.kind;
}

function decode(value: string): Answer | null {
  if (value === 'skip') return { kind: 'skip' };
  if (value === 'none') return { kind: 'none' };
  return value.startsWith('use:') ? { kind: 'use', value: value.slice(4) } : null;
}

/** The once-per-value questions: 所在园区「新区」→ ?, answered for every row that has it. */
export default function Questions(props: {
  session: ProjectsSession;
  registry: Registry;
  lang: Lang;
}): JSX.Element {
  const lang = (): Lang => props.lang;
  const questions = () => props.session.plan()?.questions ?? [];
  const stated = () => props.session.plan()?.coordSystem ?? null;
  return (
    <>
      <Show when={stated()}>
        {(coords) => (
          <p class="small" role="status">
            {tp(`projects.crsStated.${coords().system}`, lang(), {
              where: tp(`projects.crsWhere.${coords().where}`, lang()),
              headers: coords()
                .headers.map((h) => (lang() === 'zh' ? `「${h}」` : `“${h}”`))
                .join(lang() === 'zh' ? '' : ', '),
            })}
          </p>
        )}
      </Show>
      <Show when={questions().length > 0}>
        <h3>{tp('projects.questions', lang())}</h3>
        <p class="small muted">{tp('projects.questionsHint', lang())}</p>
        <ul class="import-list small" aria-label={tp('projects.questions', lang())}>
          <For each={questions()}>
            {(question) => (
              <li>
                <label class="import-field">
                  <span>
                    {tp('projects.question', lang(), {
                      field: tp(`projects.field.${question.field}`, lang()),
                      value: question.value || tp('projects.empty', lang()),
                      rows: rowList(question.rows, lang()),
                    })}
                  </span>
                  <select
                    value={encode(props.session.answers().get(question.key))}
                    onChange={(event) =>
                      props.session.answer(question.key, decode(event.currentTarget.value))
                    }
                  >
                    <option value="">{tp('projects.choose', lang())}</option>
                    <option value="skip">{tp('projects.skipRows', lang())}</option>
                    <Show when={question.field === 'park' && parkMayBeNull()}>
                      <option value="none">{tp('projects.noPark', lang())}</option>
                    </Show>
                    <For each={options(question, props.registry, lang())}>
                      {(option) => <option value={`use:${option.value}`}>{option.label}</option>}
                    </For>
                  </select>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
