import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptedWorkbook, ledgerCsv, ledgerWorkbook } from '../fixtures/projects/ledger';
import { runImportProjects } from './projects-helpers';

const run = runImportProjects;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zpe-projects-cli-'));
  writeFileSync(join(dir, '2024重大项目.xlsx'), ledgerWorkbook('xlsx'));
  writeFileSync(join(dir, 'ledger-gbk.csv'), ledgerCsv('gbk'));
  writeFileSync(join(dir, 'locked.xlsx'), encryptedWorkbook());
  const clean =
    '项目名称,所在园区,产业链,项目状态,总投资（万元）\n新项目甲,官塘创新社区,新一代信息技术,在建,"1,500"\n';
  writeFileSync(join(dir, 'clean.csv'), `\uFEFF${clean}`);
  writeFileSync(join(dir, 'none.csv'), '项目名称,所在园区,项目状态\n甲,火星园区,在建\n');
});

// Each run starts tsx in a child process: seconds on a busy machine.
describe('npm run import-projects', { timeout: 60_000 }, () => {
  it('imports a clean ledger: exit 0, a valid projects.json', () => {
    const out = join(dir, 'clean.json');
    const { code, output } = run(join(dir, 'clean.csv'), '--out', out);
    expect(output).toContain('Encoding: UTF-8 (with BOM)');
    expect(output).toContain('clean.csv: 1 rows: 1 added, 0 updated, 0 refused, 0 skipped; wrote');
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      projects: { name: { zh: string }; investment_cny_100m: number }[];
    };
    const added = written.projects.find((p) => p.name.zh === '新项目甲')!;
    expect(added.investment_cny_100m).toBe(0.15);
  });

  it('prints FILE:ROW: problem per refused row and exits 2, writing the rest', () => {
    const out = join(dir, 'partial.json');
    // The ledger's 坐标 column states no system: --coords answers for it.
    const { code, output } = run(join(dir, '2024重大项目.xlsx'), '--coords', 'wgs84', '--out', out);
    expect(output).toContain('2024重大项目.xlsx: xlsx, sheet "重大项目", header at row 3, 12 rows');
    expect(output).toContain('2024重大项目.xlsx:6: park "新区" is not a park of the registry');
    expect(output).toContain('2024重大项目.xlsx:10: the project name is empty');
    expect(output).toContain('2024重大项目.xlsx:11: cannot read the amount "五亿"');
    expect(output).toContain('2024重大项目.xlsx:15: skipped, a total or subtotal row');
    expect(output).toMatch(
      /12 rows: 3 added, 1 updated, 7 refused, 1 skipped; wrote .*partial\.json/,
    );
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(true);
  });

  it('reads GBK CSV, takes --map and --mode replace', () => {
    const out = join(dir, 'replace.json');
    const { code, output } = run(
      join(dir, 'ledger-gbk.csv'),
      '--map',
      '备注=-',
      '--map',
      '建设单位=note',
      '--mode',
      'replace',
      '--coords',
      'wgs84',
      '--out',
      out,
    );
    expect(output).toContain('Encoding: GBK/GB18030');
    expect(output).toContain('建设单位 → note (--map)');
    expect(output).not.toContain('备注 → note');
    expect(output).toContain('removed (replace)');
    expect(code).toBe(2);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { projects: unknown[] };
    // 3 added (one, row 9, with no park: allowed since #13) and the 1 updated.
    expect(written.projects).toHaveLength(4);
  });

  it('exits 1 and writes nothing for an unreadable file or when nothing imports', () => {
    const out = join(dir, 'never.json');
    const locked = run(join(dir, 'locked.xlsx'), '--out', out);
    expect(locked.code).toBe(1);
    expect(locked.output.trim()).toMatch(/^locked\.xlsx: the workbook is password-protected/);
    const none = run(join(dir, 'none.csv'), '--out', out);
    expect(none.code).toBe(1);
    expect(none.output).toContain('none.csv:2: park "火星园区" is not a park of the registry');
    expect(none.output).toContain('nothing to import, nothing written');
    const missing = run(join(dir, 'missing.xlsx'), '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('missing.xlsx: cannot be read (file not found)');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a wrong command line with the usage', () => {
    const { code, output } = run('a.xlsx', '--map', '项目名称=nonsense');
    expect(code).toBe(1);
    expect(output).toContain('--map 项目名称=nonsense: unknown field nonsense');
    expect(output).toContain('usage: npm run import-projects');
  });
});
