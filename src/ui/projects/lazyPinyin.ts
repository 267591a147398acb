import { createSignal, onMount, type Accessor } from 'solid-js';
import { loadPinyin, type ToPinyin } from '../../domain/search';

/**
 * The pinyin converter, loaded when the calling view mounts: undefined until its chunk arrives,
 * and for good if it cannot load. The project views work without it (ids from a hash of the name,
 * no pinyin matching) until then.
 */
export function createLazyPinyin(): Accessor<ToPinyin | undefined> {
  const [toPinyin, setToPinyin] = createSignal<ToPinyin>();
  onMount(() => {
    void loadPinyin()
      .then((convert) => setToPinyin(() => convert))
      .catch(() => undefined);
  });
  return toPinyin;
}
