import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import { useAppState } from '../state/context';
import { nameIn, t } from '../domain/i18n';
import {
  buildSearchIndex,
  loadPinyin,
  search,
  type MatchHighlight,
  type SearchResult,
  type ToPinyin,
} from '../domain/search';

const RESULT_LIMIT = 8;

/** `text` with the matched range marked, when `highlight` is on `field`; as text, never HTML. */
function Marked(props: {
  text: string;
  field: MatchHighlight['field'];
  highlight: MatchHighlight | null;
}): JSX.Element {
  const range = (): MatchHighlight | null =>
    props.highlight?.field === props.field && props.highlight.end <= props.text.length
      ? props.highlight
      : null;
  return (
    <Show when={range()} fallback={props.text}>
      {(at) => (
        <>
          {props.text.slice(0, at().start)}
          <mark>{props.text.slice(at().start, at().end)}</mark>
          {props.text.slice(at().end)}
        </>
      )}
    </Show>
  );
}

/**
 * Search over park and project names and park aliases in Chinese, English and pinyin, as an ARIA
 * combobox; a park found by an alias shows its official name and the alias below it: arrow
 * keys move through the results, Enter opens one, Escape clears. pinyin-pro is fetched on first
 * focus, so it never weighs on the first load.
 */
export default function Search(props: { onChoose: (result: SearchResult) => void }): JSX.Element {
  const state = useAppState();
  const lang = (): 'zh' | 'en' => state.lang();
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(0);
  const [toPinyin, setToPinyin] = createSignal<ToPinyin>();
  let pinyinRequested = false;
  const searchIndex = createMemo(() => buildSearchIndex(state.index, toPinyin()));
  const results = createMemo(() => search(searchIndex(), query(), RESULT_LIMIT));
  const open = (): boolean => query().trim() !== '';

  const requestPinyin = (): void => {
    if (pinyinRequested) return;
    pinyinRequested = true;
    loadPinyin()
      .then((convert) => setToPinyin(() => convert))
      .catch((error: unknown) => console.error('pinyin search unavailable:', error));
  };
  const choose = (result: SearchResult | undefined): void => {
    if (!result) return;
    setQuery('');
    props.onChoose(result);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const count = results().length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive((active() + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((active() - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results()[active()]);
    } else if (event.key === 'Escape' && query() !== '') {
      // Handled here, so that Escape clears the search without also closing a detail panel.
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };

  return (
    <div class="search">
      <label for="search-input" class="visually-hidden">
        {t('search.label', lang())}
      </label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('search.placeholder', lang())}
        aria-expanded={open()}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={
          open() && results().length > 0 ? `search-option-${active()}` : undefined
        }
        value={query()}
        onFocus={requestPinyin}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <Show when={open()}>
        <ul
          id="search-results"
          role="listbox"
          aria-label={t('search.label', lang())}
          class="search-results"
        >
          <For
            each={results()}
            fallback={
              <li class="empty" role="presentation">
                {t('common.noResults', lang())}
              </li>
            }
          >
            {(result, position) => {
              const park = (): string =>
                result.kind === 'project'
                  ? nameIn(
                      state.index.parkById.get(result.parkId)?.properties.name ?? { zh: '' },
                      lang(),
                    )
                  : '';
              // Named as shown, name first, then kind (and park), with the pauses a screen reader
              // needs: read from the spans alone, they would run together ("官塘创新社区园区").
              const label = (): string =>
                result.kind === 'project'
                  ? t('search.optionProject', lang(), {
                      name: nameIn(result.name, lang()),
                      park: park(),
                    })
                  : result.alias !== null
                    ? t('search.optionParkAlias', lang(), {
                        name: nameIn(result.name, lang()),
                        alias: result.alias,
                      })
                    : t('search.optionPark', lang(), { name: nameIn(result.name, lang()) });
              // The name shown is in the UI language: English when it has one, else Chinese.
              const shownField = (): 'zh' | 'en' =>
                lang() === 'en' && result.name.en !== undefined ? 'en' : 'zh';
              return (
                <li
                  id={`search-option-${position()}`}
                  role="option"
                  aria-label={label()}
                  aria-selected={position() === active()}
                  data-result-id={result.id}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(result)}
                  onMouseEnter={() => setActive(position())}
                >
                  <span class="result-name">
                    <Marked
                      text={nameIn(result.name, lang())}
                      field={shownField()}
                      highlight={result.highlight}
                    />
                  </span>
                  <span class="result-kind">
                    {t(result.kind === 'park' ? 'search.park' : 'search.project', lang())}
                  </span>
                  <Show when={park()}>
                    <span class="muted small"> · {park()}</span>
                  </Show>
                  <Show when={result.alias}>
                    {(alias) => (
                      <span class="result-alias">
                        {t('search.alsoKnownAs', lang())}{' '}
                        <Marked text={alias()} field="alias" highlight={result.highlight} />
                      </span>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </div>
  );
}
