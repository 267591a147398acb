import { describe, expect, it } from 'vitest';
import {
  DISTRICTS,
  PARK_KINDS,
  PARK_LEVELS,
  PROJECT_STATUSES,
  BOUNDARY_QUALITIES,
} from '../../src/data/schema';
import {
  I18N_KEYS,
  boundaryExplanation,
  boundaryLabel,
  districtLabel,
  formatArea,
  formatInvestment,
  formatPartialDate,
  formatPercent,
  isLang,
  kindLabel,
  levelLabel,
  nameIn,
  statusLabel,
  t,
} from '../../src/domain/i18n';

describe('t', () => {
  it('gives each string in Chinese and English', () => {
    expect(t('appTitle', 'zh')).toBe('镇江开发园区地图');
    expect(t('appTitle', 'en')).toBe('Zhenjiang Park Explorer');
    expect(t('data.schematicWarning', 'en')).toBe('Schematic boundary — not the official 四至');
  });

  it('gives a label spelt two ways the same text', () => {
    expect(t('app.title', 'zh')).toBe(t('appTitle', 'zh'));
    expect(t('filters.chains', 'en')).toBe(t('chains', 'en'));
  });

  it('has a non-empty text in both languages for every key', () => {
    for (const key of I18N_KEYS) {
      expect(t(key, 'zh').trim(), key).not.toBe('');
      expect(t(key, 'en').trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(t('export.imageSubtitle', 'en', { count: 3 })).toBe('Current filter: 3 parks');
    expect(t('export.imageSubtitle', 'zh', { count: 3 })).toBe('当前筛选：3 个园区');
    expect(t('export.imageSubtitle', 'en')).toBe('Current filter: {count} parks');
  });

  it('rejects an unknown key at compile time and shows the key at run time', () => {
    // @ts-expect-error 'noSuchKey' is not in the string table.
    expect(t('noSuchKey', 'zh')).toBe('noSuchKey');
  });
});

describe('labels', () => {
  it('names the park kinds', () => {
    expect(PARK_KINDS.map((kind) => kindLabel(kind, 'zh'))).toEqual([
      '主体开发区',
      '辐射联动园区',
      '提级管理园区',
    ]);
    expect(PARK_KINDS.map((kind) => kindLabel(kind, 'en'))).toEqual([
      'Main development zone',
      'Linked park',
      'Elevated-management park',
    ]);
  });

  it('names the levels', () => {
    expect(PARK_LEVELS.map((level) => levelLabel(level, 'zh'))).toEqual([
      '国家级',
      '省级',
      '市级',
      '县级',
    ]);
    expect(levelLabel('national', 'en')).toBe('National');
  });

  it('names the districts in both languages', () => {
    expect(DISTRICTS.map((district) => districtLabel(district, 'zh'))).toEqual([...DISTRICTS]);
    expect(DISTRICTS.map((district) => districtLabel(district, 'en'))).toEqual([
      'Jingkou District',
      'Runzhou District',
      'Dantu District',
      'Zhenjiang New Area',
      'Danyang',
      'Jurong',
      'Yangzhong',
    ]);
  });

  it('names the project statuses', () => {
    expect(PROJECT_STATUSES.map((status) => statusLabel(status, 'zh'))).toEqual([
      '规划',
      '签约',
      '在建',
      '投产运营',
    ]);
    expect(statusLabel('under-construction', 'en')).toBe('Under construction');
  });

  it('names and explains the boundary qualities', () => {
    expect(BOUNDARY_QUALITIES.map((quality) => boundaryLabel(quality, 'zh'))).toEqual([
      '官方边界',
      '近似边界',
      '示意边界',
    ]);
    expect(boundaryExplanation('schematic', 'zh')).toContain('并非官方四至');
    expect(boundaryExplanation('official', 'en')).toContain('四至');
  });

  it('names the bases and confidence levels', () => {
    expect(t('basis.official', 'zh')).toBe('官方');
    expect(t('basis.reported', 'zh')).toBe('报道');
    expect(t('basis.inferred', 'zh')).toBe('推断');
    expect(t('confidence.H', 'en')).toBe('High');
    expect(t('confidence.L', 'zh')).toBe('低');
  });
});

describe('isLang and nameIn', () => {
  it('knows the two UI languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang('ZH')).toBe(false);
  });

  it('falls back to the Chinese name when there is no English one', () => {
    const guantang = { zh: '官塘创新社区', en: 'Guantang Innovation Community' };
    expect(nameIn(guantang, 'zh')).toBe('官塘创新社区');
    expect(nameIn(guantang, 'en')).toBe('Guantang Innovation Community');
    expect(nameIn({ zh: '镇江生态汽车产业园' }, 'en')).toBe('镇江生态汽车产业园');
  });
});

describe('formatArea', () => {
  it('writes square kilometres in each language', () => {
    expect(formatArea(14.57, 'zh')).toBe('14.57 平方公里');
    expect(formatArea(14.57, 'en')).toBe('14.57 km²');
    expect(formatArea(222, 'en')).toBe('222 km²');
    expect(formatArea(3.725, 'en')).toBe('3.73 km²');
    expect(formatArea(1234.5, 'en')).toBe('1,234.5 km²');
  });

  it('never shows a small park as 0, and says when the area is unknown', () => {
    expect(formatArea(0.004, 'en')).toBe('< 0.01 km²');
    expect(formatArea(0, 'en')).toBe('0 km²');
    expect(formatArea(null, 'zh')).toBe('未知');
    expect(formatArea(null, 'en')).toBe('unknown');
  });
});

describe('formatInvestment', () => {
  it('writes 亿元 in Chinese', () => {
    expect(formatInvestment(30, 'zh')).toBe('30 亿元');
    expect(formatInvestment(32.5, 'zh')).toBe('32.5 亿元');
    expect(formatInvestment(1968, 'zh')).toBe('1,968 亿元');
  });

  it('writes billions of yuan in English, millions below 0.1 bn', () => {
    expect(formatInvestment(30, 'en')).toBe('CNY 3.0 bn');
    expect(formatInvestment(95, 'en')).toBe('CNY 9.5 bn');
    expect(formatInvestment(824.7, 'en')).toBe('CNY 82.5 bn');
    expect(formatInvestment(1, 'en')).toBe('CNY 0.1 bn');
    expect(formatInvestment(0.5, 'en')).toBe('CNY 50 m');
    expect(formatInvestment(0, 'en')).toBe('CNY 0.0 bn');
  });

  it('says when the investment is unknown', () => {
    expect(formatInvestment(null, 'zh')).toBe('未知');
    expect(formatInvestment(null, 'en')).toBe('unknown');
  });
});

describe('formatPercent', () => {
  it('writes a whole percentage, or a dash without a share', () => {
    expect(formatPercent(1 / 3, 'zh')).toBe('33%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

describe('formatPartialDate', () => {
  it('writes a date as precisely as it is known', () => {
    expect(formatPartialDate('2020', 'zh')).toBe('2020年');
    expect(formatPartialDate('2020-10', 'zh')).toBe('2020年10月');
    expect(formatPartialDate('2020-10-28', 'zh')).toBe('2020年10月28日');
    expect(formatPartialDate('2020', 'en')).toBe('2020');
    expect(formatPartialDate('2020-10', 'en')).toBe('Oct 2020');
    expect(formatPartialDate('2020-10-08', 'en')).toBe('8 Oct 2020');
    expect(formatPartialDate('1992-05', 'zh')).toBe('1992年5月');
  });

  it('returns anything else as given', () => {
    expect(formatPartialDate('2020-13', 'en')).toBe('2020-13');
    expect(formatPartialDate('2020-10-32', 'zh')).toBe('2020-10-32');
    expect(formatPartialDate('2020/10', 'zh')).toBe('2020/10');
    expect(formatPartialDate('', 'zh')).toBe('');
  });
});
