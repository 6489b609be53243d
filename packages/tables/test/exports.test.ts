import { describe, expect, it } from 'vitest';
import * as tables from '../src/index.js';

describe('@briefs/tables public entry', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(tables).sort()).toEqual(
      [
        'BOM',
        'DATAPACKAGE_FILE',
        'LIST_SEPARATOR',
        'TABLES',
        'TABLE_NAMES',
        'XLSX_FILE',
        'calendarDate',
        'claimRows',
        'countWords',
        'csvCell',
        'csvHeader',
        'csvRecord',
        'csvRows',
        'dataPackage',
        'dataPackageJson',
        'dateRows',
        'dateSpan',
        'decodeTablesPart',
        'encodeTablesPart',
        'documentRows',
        'entityRows',
        'figureRows',
        'formatNumber',
        'isFormulaLike',
        'linkRows',
        'neutraliseFormula',
        'quoteRows',
        'sectionRows',
        'tableByName',
        'tablesPart',
        'unneutraliseFormula',
        'writeTables',
        'writeTablesFromParts',
      ].sort(),
    );
  });
});
