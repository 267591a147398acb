import { describe, expect, it } from 'vitest';
import {
  cleanText,
  excelSerialToDate,
  isBlank,
  readInvestment,
  readLocation,
  readName,
  readStatus,
  readYear,
  unitInHeader,
  type Read,
} from '../../src/import/projects/values';

function value<T>(read: Read<T>): T {
  if (!read.ok) throw new Error(`expected a value, got: ${read.problem.en}`);
  return read.value;
}

function problem<T>(read: Read<T>): string {
  if (read.ok) throw new Error(`expected a problem, got: ${JSON.stringify(read.value)}`);
  return read.problem.en;
}

describe('cleanText and isBlank', () => {
  it('folds full-width digits, brackets and the ideographic space', () => {
    expect(cleanText('１２．５（亿元）\u3000')).toBe('12.5(亿元)');
    expect(cleanText(null)).toBe('');
    expect(cleanText(3)).toBe('3');
  });
  it('takes dashes, slashes and 无 for nothing', () => {
    for (const blank of ['', ' ', '-', '—', '/', '无', '暂无', null])
      expect(isBlank(blank)).toBe(true);
    expect(isBlank('0')).toBe(false);
  });
});

describe('readInvestment', () => {
  it('reads 亿 and 亿元, with and without 约', () => {
    expect(value(readInvestment('12.5亿', null))).toBe(12.5);
    expect(value(readInvestment('12.5亿元', '万元'))).toBe(12.5);
    const approximate = readInvestment('约12.5亿元', null);
    expect(value(approximate)).toBe(12.5);
    expect(approximate.ok && approximate.remark?.en).toContain('approximate');
  });
  it('reads 万元 with thousands separators and bracketed units', () => {
    expect(value(readInvestment('1,200万元', null))).toBe(0.12);
    expect(value(readInvestment('3000（万元）', null))).toBe(0.3);
    expect(value(readInvestment('１，２００万', null))).toBe(0.12);
  });
  it('takes the header unit for a bare number, text or cell', () => {
    expect(value(readInvestment(3000, '万元'))).toBe(0.3);
    expect(value(readInvestment('8', '亿元'))).toBe(8);
    expect(value(readInvestment(50000000, '元'))).toBe(0.5);
  });
  it('reads a range as its lower bound and says so', () => {
    const range = readInvestment('１０-１５亿', null);
    expect(value(range)).toBe(10);
    expect(range.ok && range.remark?.en).toContain('range 10–15');
    expect(value(readInvestment('10至15亿元', null))).toBe(10);
    expect(value(readInvestment('5000~8000万元', null))).toBe(0.5);
  });
  it('reads 余 and 多 as approximate', () => {
    const more = readInvestment('20亿多', null);
    expect(value(more)).toBe(20);
    expect(more.ok && more.remark).toBeTruthy();
  });
  it('refuses a figure without any unit, another currency and words', () => {
    expect(problem(readInvestment('12.5', null))).toContain('no unit');
    expect(problem(readInvestment(12.5, null))).toContain('no unit');
    expect(problem(readInvestment('1亿美元', null))).toContain('not in CNY');
    expect(problem(readInvestment('五亿', null))).toContain('cannot read');
    expect(problem(readInvestment(-3, '亿元'))).toContain('not a valid');
  });
});

describe('unitInHeader', () => {
  it('finds the unit a header names', () => {
    expect(unitInHeader('总投资（亿元）')).toBe('亿元');
    expect(unitInHeader('计划总投资(万元)')).toBe('万元');
    expect(unitInHeader('总投资')).toBeNull();
  });
});

describe('readStatus', () => {
  it.each([
    ['谋划', 'planned'],
    ['储备', 'planned'],
    ['前期', 'planned'],
    ['签约', 'signed'],
    ['已签约', 'signed'],
    ['已签约未开工', 'signed'],
    ['开工', 'under-construction'],
    ['新开工', 'under-construction'],
    ['在建', 'under-construction'],
    ['续建', 'under-construction'],
    ['竣工', 'operating'],
    ['竣工投产', 'operating'],
    ['投产', 'operating'],
    ['运营', 'operating'],
    ['under construction', 'under-construction'],
  ])('%s → %s', (word, status) => {
    expect(value(readStatus(word))).toBe(status);
  });
  it('does not guess a word it does not know', () => {
    expect(problem(readStatus('暂缓'))).toBe('unknown status "暂缓"');
    expect(problem(readStatus(''))).toBe('the status is empty');
  });
});

describe('readYear and excelSerialToDate', () => {
  it('reads Excel date serials (1900 system, phantom leap day)', () => {
    expect(excelSerialToDate(45292)).toBe('2024-01-01');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(value(readYear(45292))).toBe(2024);
    expect(value(readYear('45292'))).toBe(2024);
  });
  it('reads years as written', () => {
    for (const written of [
      2024,
      '2024',
      '2024年',
      '2024年3月',
      '2024.03',
      '2024-03-01',
      '2024/3/1',
      '２０２４年',
    ])
      expect(value(readYear(written))).toBe(2024);
  });
  it('refuses what is not a year', () => {
    expect(problem(readYear('明年'))).toContain('cannot read the year');
    expect(problem(readYear(1850))).toContain('cannot read the year');
  });
});

describe('readLocation', () => {
  it('reads "lon,lat", "lat,lon" and separate cells', () => {
    expect(value(readLocation('119.45, 32.20'))).toEqual([119.45, 32.2]);
    const swapped = readLocation('32.20，119.45');
    expect(value(swapped)).toEqual([119.45, 32.2]);
    expect(swapped.ok && swapped.remark?.en).toContain('lat,lon');
    expect(value(readLocation(119.45, 32.2))).toEqual([119.45, 32.2]);
    expect(value(readLocation('119°27′', '32°12′'))).toEqual([119.45, 32.2]);
  });
  it('refuses what is not a location in China', () => {
    expect(problem(readLocation('119.45'))).toContain('give "lon,lat"');
    expect(problem(readLocation('0, 0'))).toContain('not in China');
  });
});

describe('readName', () => {
  it('keeps markup and formula-like text as text', () => {
    expect(value(readName('<b>项目</b>'))).toBe('<b>项目</b>');
    expect(value(readName('=1+1'))).toBe('=1+1');
    expect(problem(readName('  '))).toBe('the project name is empty');
  });
});
