/**
 * The provenance title of a row: "导入自 2024重大项目.xlsx · 工作表「清单」 · 第 12 行" (a CSV has
 * no sheet: "导入自 2024重大项目.csv · 第 12 行").
 */
export function provenanceTitle(fileName: string, sheet: string | null, row: number): string {
  return sheet === null
    ? `导入自 ${fileName} · 第 ${row} 行`
    : `导入自 ${fileName} · 工作表「${sheet}」 · 第 ${row} 行`;
}
