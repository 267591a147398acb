import type { Bilingual } from '../../data/schema';
import { fill, type Lang } from '../../domain/i18n';
import { EDIT_ENTRY_STRINGS } from './entryStrings';

/**
 * The project importer's strings, beside its views so that they load with them (the entry is
 * lazily loaded too); the same shape as the shared table.
 */
export const PROJECT_STRINGS = {
  ...EDIT_ENTRY_STRINGS,
  'projects.open': { zh: '导入项目清单', en: 'Import a project list' },
  'projects.title': {
    zh: '导入项目清单（Excel / CSV）',
    en: 'Import a project list (Excel / CSV)',
  },
  'projects.inUse': {
    zh: '正在使用导入的项目清单：{file}（{date}）。',
    en: 'Using the imported project list: {file} ({date}).',
  },
  'projects.editedInUse': {
    zh: '正在使用在应用中修改过的项目清单（{date}）。',
    en: 'Using a project list edited in the app ({date}).',
  },
  'projects.shippedInUse': {
    zh: '项目已恢复为发布数据。',
    en: 'Projects are back to the shipped data.',
  },
  'projects.undo': { zh: '撤销项目更改', en: 'Undo the project change' },
  'projects.reset': { zh: '项目恢复为发布数据', en: 'Reset projects to shipped data' },
  'projects.intro': {
    zh: '支持 .xlsx、.xls、.ods 和 .csv（UTF-8 或 GBK）。会找到标题行下面的表头，逐行检查；确认前不会改动任何数据。',
    en: 'Reads .xlsx, .xls, .ods and .csv (UTF-8 or GBK). The header is found below any title rows and every row is checked; nothing changes until you confirm.',
  },
  'projects.chooseFile': { zh: '选择项目清单文件', en: 'Choose a project list' },
  'projects.reading': { zh: '正在读取…', en: 'Reading…' },
  'projects.read': {
    zh: '{file}：表头在第 {header} 行，{rows} 行数据',
    en: '{file}: header at row {header}, {rows} data rows',
  },
  'projects.sheet': { zh: '工作表', en: 'Sheet' },
  'projects.columns': { zh: '列的对应', en: 'Columns' },
  'projects.notImported': { zh: '（不导入）', en: '(not imported)' },
  'projects.needName': {
    zh: '请把一列对应为“项目名称”。',
    en: 'Map one column to “project name”.',
  },
  'projects.firstRows': { zh: '前几行（按读取结果）', en: 'First rows, as read' },
  'projects.questions': { zh: '需要确认的值', en: 'Values to settle' },
  'projects.questionsHint': {
    zh: '每个不认识的值只问一次，回答适用于所有含此值的行。',
    en: 'Each unknown value is asked once; the answer applies to every row that has it.',
  },
  'projects.question': {
    zh: '{field}「{value}」（第 {rows} 行）→',
    en: '{field} “{value}” (rows {rows}) →',
  },
  'projects.choose': { zh: '请选择…', en: 'Choose…' },
  'projects.skipRows': { zh: '不导入这些行', en: 'Leave these rows out' },
  'projects.noPark': { zh: '不属于任何园区', en: 'In no park' },
  'projects.empty': { zh: '（空）', en: '(empty)' },
  'projects.rows': { zh: '逐行预览', en: 'Every row' },
  'projects.counts': {
    zh: '可导入 {ready} 行，待确认 {waiting} 行，拒绝 {refused} 行，跳过 {skipped} 行',
    en: '{ready} ready, {waiting} need a choice, {refused} refused, {skipped} skipped',
  },
  'projects.state.ready': { zh: '可导入', en: 'ready' },
  'projects.state.question': { zh: '待确认', en: 'needs a choice' },
  'projects.state.refused': { zh: '拒绝', en: 'refused' },
  'projects.state.skipped': { zh: '跳过', en: 'skipped' },
  'projects.rowLabel': { zh: '第 {row} 行', en: 'Row {row}' },
  'projects.mode': { zh: '合并方式', en: 'How to merge' },
  'projects.mode.merge': {
    zh: '新增并更新（按编号，否则按名称和园区匹配）',
    en: 'Add new and update matching (by id, else by name and park)',
  },
  'projects.mode.replace': {
    zh: '替换整个项目清单',
    en: 'Replace the whole project list',
  },
  'projects.valid': {
    zh: '校验通过：新增 {added} 个，更新 {updated} 个，移除 {removed} 个项目。',
    en: 'Valid: {added} projects added, {updated} updated, {removed} removed.',
  },
  'projects.invalid': {
    zh: '合并结果有 {count} 个问题，修正后才能应用：',
    en: 'The merged registry has {count} problems; fix them before applying:',
  },
  'projects.nothing': {
    zh: '还没有可导入的行。',
    en: 'No row is ready to import yet.',
  },
  'projects.apply': { zh: '应用', en: 'Apply' },
  'projects.cancel': { zh: '取消', en: 'Cancel' },
  'projects.exportJson': { zh: '导出 projects.json', en: 'Export projects.json' },
  'projects.exportCsv': { zh: '导出项目 CSV', en: 'Export projects CSV' },
  'projects.exported': { zh: '已导出 {file}。', en: '{file} exported.' },
  'projects.saveFailed': {
    zh: '无法保存到浏览器存储，未应用：{error}',
    en: 'Could not save to the browser’s storage, so nothing was applied: {error}',
  },
  'projects.field.id': { zh: '编号', en: 'id' },
  'projects.field.name': { zh: '项目名称', en: 'project name' },
  'projects.field.content': { zh: '建设内容', en: 'content' },
  'projects.field.park': { zh: '所在园区', en: 'park' },
  'projects.field.district': { zh: '辖市区', en: 'district' },
  'projects.field.chain': { zh: '产业链', en: 'chain' },
  'projects.field.segment': { zh: '环节', en: 'segment' },
  'projects.field.status': { zh: '项目状态', en: 'status' },
  'projects.field.year': { zh: '年份', en: 'year' },
  'projects.field.signed': { zh: '签约时间', en: 'signed' },
  'projects.field.started': { zh: '开工时间', en: 'construction start' },
  'projects.field.completed': { zh: '竣工/投产时间', en: 'completion' },
  'projects.field.investment': { zh: '总投资', en: 'investment' },
  'projects.field.firm': { zh: '建设单位', en: 'firm' },
  'projects.field.lon': { zh: '经度', en: 'longitude' },
  'projects.field.lat': { zh: '纬度', en: 'latitude' },
  'projects.field.location': { zh: '坐标', en: 'location' },
  'projects.field.crs': { zh: '坐标系', en: 'coordinate system' },
  'projects.crsWhere.header': { zh: '表头', en: 'the header' },
  'projects.crsWhere.title': { zh: '表头上方的说明', en: 'the line above the header' },
  'projects.crsFit': {
    zh: '{name}（{inside}/{of} 行落在所填园区内）',
    en: '{name} ({inside} of {of} rows inside their park)',
  },
  'projects.rowsTotal': { zh: '共 {n}', en: '{n} in all' },
  'projects.crsStated.wgs84': {
    zh: '坐标系：{where}{headers}注明为 WGS-84 / CGCS2000，坐标按原值读取。',
    en: 'Coordinate system: {where} {headers} states WGS-84 / CGCS2000; the coordinates are read as they are.',
  },
  'projects.crsStated.gcj02': {
    zh: '坐标系：{where}{headers}注明为 GCJ-02（高德、腾讯），坐标将转换为 WGS-84。',
    en: 'Coordinate system: {where} {headers} states GCJ-02 (AMap, Tencent); the coordinates are converted to WGS-84.',
  },
  'projects.crsStated.bd09': {
    zh: '坐标系：{where}{headers}注明为 BD-09（百度），坐标将转换为 WGS-84。',
    en: 'Coordinate system: {where} {headers} states BD-09 (Baidu); the coordinates are converted to WGS-84.',
  },
  'projects.field.source': { zh: '来源', en: 'source' },
  'projects.field.note': { zh: '备注', en: 'note' },
  'projects.field.unit': { zh: '金额单位', en: 'money unit' },
  'edit.add': { zh: '添加项目', en: 'Add a project' },
  'edit.titleAdd': { zh: '添加项目', en: 'Add a project' },
  'edit.titleEdit': { zh: '编辑项目：{name}', en: 'Edit project: {name}' },
  'edit.intro': {
    zh: '边填写边检查；保存后存在本浏览器中，可撤销。保存的记录会带一条“在应用中添加/编辑”的来源和日期。',
    en: 'Checked as you type; saved in this browser and undoable. A saved record carries a source saying it was added or edited in the app, with the date.',
  },
  'edit.nameZh': { zh: '项目名称（中文，必填）', en: 'Project name (Chinese, required)' },
  'edit.nameEn': { zh: '项目名称（英文）', en: 'Project name (English)' },
  'edit.park': { zh: '所在园区', en: 'Park' },
  'edit.noPark': { zh: '不属于任何园区', en: 'In no park' },
  'edit.chain': { zh: '产业链（必填）', en: 'Chain (required)' },
  'edit.chooseChain': { zh: '请选择产业链…', en: 'Choose a chain…' },
  'edit.segment': { zh: '环节', en: 'Segment' },
  'edit.noSegment': { zh: '未知/不适用', en: 'Unknown / none fits' },
  'edit.status': { zh: '项目状态', en: 'Status' },
  'edit.year': { zh: '年份（状态所在年份）', en: 'Year (of the status)' },
  'edit.investment': { zh: '总投资（不详可留空）', en: 'Investment (blank when unknown)' },
  'edit.unit': { zh: '单位', en: 'Unit' },
  'edit.unit.yi': { zh: '亿元', en: '100 million CNY (亿元)' },
  'edit.unit.wan': { zh: '万元', en: '10 thousand CNY (万元)' },
  'edit.location': { zh: '位置', en: 'Location' },
  'edit.lon': { zh: '经度', en: 'Longitude' },
  'edit.lat': { zh: '纬度', en: 'Latitude' },
  'edit.pick': { zh: '在地图上选点', en: 'Pick on the map' },
  'edit.clearLocation': { zh: '清除位置', en: 'Clear the location' },
  'edit.pickPrompt': {
    zh: '请在「{park}」内点击项目位置；按 Esc 取消。',
    en: 'Click the project’s place inside “{park}”; Escape cancels.',
  },
  'edit.pickOutside': {
    zh: '这一点不在「{park}」内。',
    en: 'That point is not inside “{park}”.',
  },
  'edit.picking': {
    zh: '正在地图上选点…（按 Esc 取消）',
    en: 'Picking on the map… (Escape cancels)',
  },
  'edit.picked': { zh: '已选定位置：{lon}, {lat}', en: 'Location picked: {lon}, {lat}' },
  'edit.pickCancelled': { zh: '已取消选点。', en: 'Picking cancelled.' },
  'edit.noMap': {
    zh: '地图不可用：请直接输入经纬度。',
    en: 'The map is not available: type the longitude and latitude.',
  },
  'edit.pickNeedsPark': {
    zh: '先选择园区，才能在其中选点。',
    en: 'Choose the park first to pick a point in it.',
  },
  'edit.source': { zh: '你的来源（可选）', en: 'Your source (optional)' },
  'edit.sourceTitle': { zh: '来源标题', en: 'Source title' },
  'edit.sourceUrl': { zh: '来源链接', en: 'Source link' },
  'edit.sourceDate': {
    zh: '来源日期（YYYY、YYYY-MM 或 YYYY-MM-DD）',
    en: 'Source date (YYYY, YYYY-MM or YYYY-MM-DD)',
  },
  'edit.sources': { zh: '已有来源', en: 'Sources so far' },
  'edit.checking': { zh: '正在检查…', en: 'Checking…' },
  'edit.valid': { zh: '检查通过。', en: 'The record checks out.' },
  'edit.problems': { zh: '这条记录有 {count} 个问题：', en: 'The record has {count} problems:' },
  'edit.unchanged': { zh: '还没有改动。', en: 'Nothing has changed yet.' },
  'edit.save': { zh: '保存', en: 'Save' },
  'edit.cancel': { zh: '取消', en: 'Cancel' },
  'edit.delete': { zh: '删除此项目', en: 'Delete this project' },
  'edit.confirmDelete': {
    zh: '确定删除「{name}」？删除后可用“撤销项目更改”恢复。',
    en: 'Delete “{name}”? “Undo the project change” brings it back.',
  },
  'edit.confirmDeleteYes': { zh: '确定删除', en: 'Delete it' },
  'edit.confirmDeleteNo': { zh: '不删除', en: 'Keep it' },
  'edit.registryFindings': {
    zh: '保存后的项目清单未通过校验，未保存：',
    en: 'The project list with this change does not validate, so nothing was saved:',
  },
  'edit.saving': { zh: '正在保存…', en: 'Saving…' },
} as const satisfies Record<string, Bilingual>;

/** A key of the project importer's strings. */
export type ProjectsKey = keyof typeof PROJECT_STRINGS;

/** The string for `key` in `lang`, placeholders filled as `t` does. */
export function tp(
  key: ProjectsKey,
  lang: Lang,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(PROJECT_STRINGS[key][lang], values);
}
