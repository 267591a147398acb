import { performance } from 'node:perf_hooks';
import { pinyin } from 'pinyin-pro';
import { utils, write } from '@e965/xlsx';
import { makeToPinyin } from '../src/domain/search';
import {
  mapColumns,
  mergeProjects,
  planImport,
  toTable,
  validateProjects,
} from '../src/import/projects';
import { readLedger } from '../src/import/projects/workbook';
import { validateDirectory } from '../scripts/validate';

/**
 * `npm run bench:projects`: a 5,000-row ledger (.xlsx, written here with SheetJS) read, mapped,
 * planned (values read, parks and chains resolved), merged and validated into geo/, timed beside
 * validating the shipped registry in the same run. A benchmark, not a test: it prints, it never
 * fails on a time.
 */
const ROWS = 5_000;
const STATUSES = ['谋划', '已签约', '在建', '续建', '竣工投产'];

const shippedStart = performance.now();
const shipped = await validateDirectory('geo');
const shippedMs = performance.now() - shippedStart;
const registry = shipped.registry;
const parks = registry.parks.map((park) => park.properties.name.zh);
const chains = registry.chains.map((chain) => chain.name.zh);

const rows: (string | number)[][] = [
  ['2024年重大项目清单（基准测试数据）'],
  ['项目名称', '所在园区', '产业链', '项目状态', '签约时间', '总投资（万元）'],
];
for (let i = 0; i < ROWS; i++) {
  rows.push([
    `基准项目${i}`,
    parks[i % parks.length] ?? '',
    chains[i % chains.length] ?? '',
    STATUSES[i % STATUSES.length] ?? '',
    2015 + (i % 10),
    `${(i % 90) + 10},000`,
  ]);
}
const book = utils.book_new();
utils.book_append_sheet(book, utils.aoa_to_sheet(rows), '清单');
const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
const toPinyin = makeToPinyin(pinyin);

const laps: Record<string, number> = {};
let last = performance.now();
const lap = (name: string): void => {
  const now = performance.now();
  laps[name] = now - last;
  last = now;
};
const grid = readLedger({ name: 'bench.xlsx', bytes });
lap('read');
const table = toTable(grid);
const mapping = mapColumns(table.headers);
lap('table + mapping');
const plan = planImport(table, mapping, registry, {
  fileName: 'bench.xlsx',
  sheet: grid.sheet,
  date: '2026-12-01',
  toPinyin,
});
lap('plan (read values, resolve, check rows)');
const merged = mergeProjects(registry, plan, {
  mode: 'merge',
  date: '2026-12-01',
  toPinyin,
  fileName: 'bench.xlsx',
});
lap('merge');
const validation = validateProjects(registry, merged.file);
lap('validate merged registry');
const total = Object.values(laps).reduce((sum, ms) => sum + ms, 0);

const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;
console.log(
  `node ${process.version}; ${(bytes.length / 1024).toFixed(0)} kB workbook, ${ROWS} rows`,
);
for (const [name, value] of Object.entries(laps)) console.log(`${ms(value)}  ${name}`);
console.log(
  `${ms(total)}  5,000 rows read, matched and validated (ready ${plan.ready}, added ${merged.added.length}, findings ${validation.findings.length})`,
);
console.log(
  `${ms(shippedMs)}  validate the shipped registry (geo/: ${registry.parks.length} parks, ${registry.projects.length} projects)`,
);
