import { createSignal, type JSX } from 'solid-js';
import type { Lang } from '../../domain/i18n';
import { ti } from './strings';

/** The formats the importer reads, for the file chooser's filter. */
const ACCEPT = '.geojson,.json,.kml,.kmz,.zip,.shp,.dbf,.prj,.cpg,.shx';

/** Where a boundary file is chosen or dropped; hands the files on, reads nothing itself. */
export default function FileDrop(props: {
  lang: Lang;
  onFiles: (files: readonly File[]) => void;
}): JSX.Element {
  const [dragging, setDragging] = createSignal(false);
  return (
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
        props.onFiles([...(event.dataTransfer?.files ?? [])]);
      }}
    >
      <label for="import-file">{ti('import.chooseFile', props.lang)}</label>
      <input
        id="import-file"
        type="file"
        multiple
        accept={ACCEPT}
        onChange={(event) => props.onFiles([...(event.currentTarget.files ?? [])])}
      />
      <p class="muted small">{ti('import.dropHint', props.lang)}</p>
    </div>
  );
}
