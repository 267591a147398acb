import type { SizeResult, VariantResult } from './report';
import { mb, ms, ratio, table } from './textTable';

/** The printed table of the app on tiles, row beside row with the app on GeoJSON (issue #16). */

function heapMb(variant: VariantResult): string {
  return variant.heap ? `${Math.round(variant.heap.peakMb)} MB` : '—';
}

/**
 * The "app on tiles" section: for every size where the app was opened on its tiled registry, the
 * app on GeoJSON and on tiles in consecutive rows with the tiles ÷ GeoJSON ratios, and the app on
 * tiles ÷ the bare page on tiles with feature-state where that page ran. A page that did not take
 * the tiles path says so in place of numbers. Empty string when no size has such a page.
 */
export function formatTilesApp(sizes: readonly SizeResult[]): string {
  const measured = sizes.filter((size) => size.app.tiles);
  if (measured.length === 0) return '';
  const notes: string[] = [];
  const rows = measured.flatMap((size) => {
    const tiles = size.app.tiles;
    if (!tiles) return [];
    const r = size.ratios;
    const geojson = [
      size.label,
      'GeoJSON',
      ms(size.app.load.median),
      '',
      ms(size.app.filter?.idle.median),
      '',
      ms(size.app.filter?.sync.median),
      `${ms(size.app.select?.selectDom.median)} / ${ms(size.app.select?.select.median)}`,
      '',
      heapMb(size.app),
      '',
      '',
    ];
    if (!tiles.path?.onTiles) {
      notes.push(
        `${size.label}: the app did not take the tiles path (${tiles.path?.summary ?? tiles.status}); no tiles numbers are reported`,
      );
      return [geojson, [size.label, 'tiles', 'not on tiles', '', '', '', '', '', '', '', '', '']];
    }
    const vs = r.tilesVsTilesState;
    const status = tiles.status === 'ok' ? '' : ` [${tiles.status}]`;
    if (tiles.files)
      notes.push(
        `${size.label}: npm run tiles wrote tiles.pmtiles ${mb(tiles.files.archiveBytes)}, index.json ${mb(tiles.files.indexBytes)}${tiles.files.otherBytes > 0 ? `, other files ${mb(tiles.files.otherBytes)}` : ''}`,
      );
    return [
      geojson,
      [
        size.label,
        'tiles',
        ms(tiles.load.median) + status,
        ratio(r.tilesLoad ?? null),
        ms(tiles.filter?.idle.median),
        ratio(r.tilesFilter ?? null),
        ms(tiles.filter?.sync.median),
        `${ms(tiles.select?.selectDom.median)} / ${ms(tiles.select?.select.median)}`,
        ratio(r.tilesSelect ?? null),
        heapMb(tiles),
        ratio(r.tilesHeap ?? null),
        `${ratio(vs?.load ?? null)} / ${ratio(vs?.filter ?? null)}`,
      ],
    ];
  });
  return [
    'App on tiles beside the app on GeoJSON (?data=DIR/index.json against ?data=DIR/; ÷ = tiles ÷ GeoJSON)',
    table(
      [
        'data',
        'app on',
        'load',
        'load ÷',
        'filter',
        'filter ÷',
        'handler',
        'select dom/paint',
        'select ÷',
        'heap',
        'heap ÷',
        '÷ bare tiles+state load/filter',
      ],
      rows,
    ),
    ...notes,
  ].join('\n');
}
