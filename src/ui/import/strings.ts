import type { Bilingual } from '../../data/schema';
import { fill, type Lang } from '../../domain/i18n';

/**
 * The import panel's strings, in the same shape as src/domain/i18n.ts. They live beside the
 * panel rather than in the shared table so that they load with it: the first bundle carries only
 * the entry's few strings (import.open, import.inUse …), which stay in the shared table.
 */
export const IMPORT_STRINGS = {
  'import.intro': {
    zh: '支持 GeoJSON、TopoJSON、KML/KMZ 和 Shapefile 压缩包（含 .prj/.dbf/.cpg）。应用前会在地图上预览并按同样规则校验；确认前不会改动任何数据。',
    en: 'GeoJSON, TopoJSON, KML/KMZ and zipped Shapefiles (with .prj/.dbf/.cpg). You see a preview on the map and the validator’s findings before anything is applied; nothing changes until you confirm.',
  },
  'import.chooseFile': { zh: '选择边界文件', en: 'Choose a boundary file' },
  'import.dropHint': {
    zh: '也可将文件拖放到此处；Shapefile 可选压缩包，或同时选择 .shp、.dbf、.prj、.cpg。',
    en: 'Or drop it here; a Shapefile as a .zip, or its .shp, .dbf, .prj and .cpg together.',
  },
  'import.reading': { zh: '正在读取…', en: 'Reading…' },
  'import.read': { zh: '{file}：{count} 个面要素', en: '{file}: {count} polygon features' },
  'import.crs': { zh: '坐标系', en: 'Coordinate system' },
  'import.crsLabel': { zh: '文件的坐标系', en: 'The file’s coordinate system' },
  'import.crsAuto': { zh: '自动：{name}', en: 'Auto: {name}' },
  'import.crsChoose': { zh: '请选择坐标系', en: 'Choose the coordinate system' },
  'import.crsOther': { zh: '其他 EPSG 代码…', en: 'Other EPSG code…' },
  'import.crsAsk': {
    zh: '文件没有声明坐标系：请先选择，之后才显示预览。',
    en: 'The file does not state its coordinate system: choose one before the preview.',
  },
  'import.crsFits': {
    zh: '能把数据放在镇江的坐标系（移动距离相对{reference}）',
    en: 'Systems that put the data in Zhenjiang (how far each moves it from {reference})',
  },
  'import.crsFit': { zh: '{name}：移动 {metres} 米', en: '{name}: moves it {metres} m' },
  'import.crsSwapped': { zh: '（交换坐标轴）', en: ' (axes swapped)' },
  'import.crsSuggested': { zh: '（文件名提示）', en: ' (the file name suggests it)' },
  'import.transformation': { zh: '转换方法：{name}', en: 'Transformation: {name}' },
  'import.datumShift': { zh: '基准转换', en: 'Datum shift' },
  'import.datumShiftMove': {
    zh: '{name}（与当前相差 {metres} 米）',
    en: '{name} ({metres} m from the one applied)',
  },
  'import.epsgCode': { zh: 'EPSG 代码', en: 'EPSG code' },
  'import.epsgUnknown': {
    zh: '无法识别此代码：支持 CGCS2000、1980西安、1954北京 高斯-克吕格投影代码及 4326、4490、3857。',
    en: 'Unknown code: CGCS2000, Xian 1980 and Beijing 1954 Gauss–Krüger codes, 4326, 4490 and 3857 are supported.',
  },
  'import.previewNote': {
    zh: '红色虚线为按 {name} 转换后的预览；请对照底图检查位置（高德坐标未转换时会偏移约 500 米）。',
    en: 'The dashed red outline is the preview converted from {name}; check it against the basemap (unconverted AMap coordinates sit about 500 m off).',
  },
  'import.matching': { zh: '与园区对应', en: 'Matching to parks' },
  'import.matchField': { zh: '园区名称或编号所在字段', en: 'Field holding the park name or id' },
  'import.quality': { zh: '设为边界质量', en: 'Set boundary quality to' },
  'import.matched': { zh: '已对应的园区', en: 'Matched parks' },
  'import.unmatched': { zh: '未对应的要素', en: 'Unmatched features' },
  'import.missing': { zh: '文件中没有的园区', en: 'Parks not in the file' },
  'import.missingHint': {
    zh: '这些园区保留现有边界。',
    en: 'These parks keep their current boundaries.',
  },
  'import.noValue': { zh: '（无值）', en: '(no value)' },
  'import.reason.no-value': { zh: '字段为空', en: 'empty field' },
  'import.reason.no-park': { zh: '没有同名或同编号的园区', en: 'no park of that name or id' },
  'import.reason.ambiguous': { zh: '可对应多个园区', en: 'could be several parks' },
  'import.reason.skipped': { zh: '已排除', en: 'left out' },
  'import.leaveOut': { zh: '不导入', en: 'Leave out' },
  'import.addNew': { zh: '新增为园区…', en: 'Add as a new park…' },
  'import.assignTo': { zh: '对应到：{name}', en: 'Assign to: {name}' },
  'import.newPark': { zh: '新园区（必填项）', en: 'New park (required fields)' },
  'import.newId': { zh: '编号（小写字母、数字和连字符）', en: 'Id (a-z, 0-9 and hyphens)' },
  'import.sourceTitle': { zh: '资料来源标题', en: 'Source title' },
  'import.sourceUrl': { zh: '资料来源网址（可选）', en: 'Source URL (optional)' },
  'import.check': { zh: '校验', en: 'Validation' },
  'import.valid': {
    zh: '校验通过：将替换 {changed} 个园区的边界，新增 {added} 个园区。',
    en: 'Valid: {changed} boundaries will be replaced and {added} parks added.',
  },
  'import.invalid': {
    zh: '合并结果有 {count} 个问题，修正后才能应用：',
    en: 'The merged registry has {count} problems; fix them before applying:',
  },
  'import.nothing': {
    zh: '没有可应用的内容：请对应至少一个园区。',
    en: 'Nothing to apply: match at least one park.',
  },
  'import.checking': { zh: '正在校验…', en: 'Validating…' },
  'import.checkFailed': {
    zh: '校验未能完成：{error}',
    en: 'The validation could not finish: {error}',
  },
  'import.saveFailed': {
    zh: '无法保存到浏览器存储，未应用：{error}',
    en: 'Could not save to the browser’s storage, so nothing was applied: {error}',
  },
  'import.exported': { zh: '已导出 parks.geojson。', en: 'parks.geojson exported.' },
  'import.apply': { zh: '应用', en: 'Apply' },
  'import.cancel': { zh: '取消', en: 'Cancel' },
  'import.export': { zh: '导出 parks.geojson', en: 'Export parks.geojson' },
} as const satisfies Record<string, Bilingual>;

/** A key of the panel's strings; an unknown key is a type error. */
export type ImportKey = keyof typeof IMPORT_STRINGS;

/**
 * The panel string for `key` in `lang`, with `{name}` placeholders filled from `values` as `t`
 * does (a placeholder without a value stays visible).
 */
export function ti(
  key: ImportKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(IMPORT_STRINGS[key][lang], values);
}
