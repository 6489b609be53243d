export { writeTables, writeTablesFromParts, DATAPACKAGE_FILE, XLSX_FILE } from './write-tables.js';
export type { TablesSummary, TablesWarning, WriteTablesOptions } from './write-tables.js';
export { tablesPart, encodeTablesPart, decodeTablesPart } from './part.js';
export type { TableShare, TablesPart } from './part.js';
export { TABLES, TABLE_NAMES, tableByName } from './tables.js';
export type { FieldDef, FieldType, ForeignKeyDef, TableDef, TableName } from './tables.js';
export {
  LIST_SEPARATOR,
  claimRows,
  dateRows,
  documentRows,
  entityRows,
  figureRows,
  linkRows,
  quoteRows,
  sectionRows,
} from './rows.js';
export type { Cell, ClaimRow, DateRow, DocumentRow, EntityRow, FigureRow, LinkRow, QuoteRow, SectionRow } from './rows.js';
export { BOM, csvCell, csvHeader, csvRecord, csvRows } from './csv.js';
export { dataPackage, dataPackageJson } from './datapackage.js';
export type { DataPackage, DataPackageOptions, ResourceFacts } from './datapackage.js';
export { isFormulaLike, neutraliseFormula, unneutraliseFormula } from './format/formula.js';
export { formatNumber } from './format/number.js';
export { calendarDate, dateSpan } from './format/dates.js';
export { countWords } from './format/words.js';
