// The metadata sidecar: `file,factory,line,camera,...` with a header row. A CSV that cannot
// be used at all (missing, unreadable, no "file" column) stops the import before it starts,
// so nothing is imported without the metadata the lead asked for. Problems with single rows
// become warnings with their row number (row 1 is the header, as in a spreadsheet).
import fs from 'node:fs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/api/envelope';

export interface MetadataRow {
  row: number;
  file: string;
  values: Record<string, string>;
}

export interface MetadataTable {
  rows: MetadataRow[];
  warnings: string[];
  /** Why the whole CSV is unusable (no "file" column), or null. */
  fatal: string | null;
}

/** The part of a scanned file that CSV rows are matched against. */
export interface MatchableFile {
  rootRel: string;
  rootName: string | null;
}

const normalize = (f: string) =>
  f
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
const baseName = (f: string) => f.slice(f.lastIndexOf('/') + 1);

export function parseMetadataCsv(text: string): MetadataTable {
  const warnings: string[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
  });
  const badRows = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter' || e.row === undefined) continue;
    badRows.set(e.row, e.message);
  }
  const records = parsed.data;
  const header = (records[0] ?? []).map((h) => h.trim());
  const fileCol = header.findIndex((h) => h.toLowerCase() === 'file');
  if (fileCol < 0) {
    const fatal = `the header row needs a "file" column (found: ${header.join(', ') || 'nothing'})`;
    warnings.push(`metadata CSV: ${fatal}; no metadata was applied`);
    return { rows: [], warnings, fatal };
  }
  const columns: Array<{ index: number; key: string }> = [];
  const keys = new Set<string>();
  header.forEach((key, index) => {
    if (index === fileCol) return;
    if (!key)
      warnings.push(
        `metadata CSV: column ${index + 1} has no name in the header; its values are ignored`,
      );
    else if (keys.has(key))
      warnings.push(`metadata CSV: column "${key}" appears twice; only the first is used`);
    else {
      keys.add(key);
      columns.push({ index, key });
    }
  });

  const rows: MetadataRow[] = [];
  const firstRowFor = new Map<string, number>();
  for (let i = 1; i < records.length; i++) {
    const fields = records[i]!;
    const row = i + 1;
    if (fields.length === 1 && fields[0]!.trim() === '') continue; // blank line
    if (badRows.has(i)) {
      warnings.push(`metadata CSV row ${row}: ${badRows.get(i)}; row ignored`);
      continue;
    }
    if (fields.length !== header.length) {
      warnings.push(
        `metadata CSV row ${row}: expected ${header.length} values (${header.join(',')}) but found ${fields.length}; row ignored`,
      );
      continue;
    }
    const file = normalize(fields[fileCol]!);
    if (!file) {
      warnings.push(`metadata CSV row ${row}: the file cell is empty; row ignored`);
      continue;
    }
    const earlier = firstRowFor.get(file);
    if (earlier !== undefined) {
      warnings.push(
        `metadata CSV row ${row}: "${file}" already appears in row ${earlier}; row ignored`,
      );
      continue;
    }
    firstRowFor.set(file, row);
    const values: Record<string, string> = {};
    for (const c of columns) {
      const v = fields[c.index]!.trim();
      if (v) values[c.key] = v;
    }
    rows.push({ row, file, values });
  }
  return { rows, warnings, fatal: null };
}

function readProblem(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EISDIR':
      return 'is a folder, not a CSV file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    default:
      return `cannot be read: ${(e as Error).message}`;
  }
}

/**
 * Reads and checks the sidecar. Throws an AppError naming the file when it cannot be used
 * at all, so the caller can refuse the import before it touches anything.
 */
export async function readMetadataCsv(csvPath: string): Promise<MetadataTable> {
  let text: string;
  try {
    text = await fs.promises.readFile(csvPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'NOT_FOUND' : 'BAD_FILE';
    throw new AppError(code, `Metadata CSV ${csvPath} ${readProblem(e)}; nothing was imported`);
  }
  const table = parseMetadataCsv(text);
  if (table.fatal)
    throw new AppError('BAD_FILE', `Metadata CSV ${csvPath}: ${table.fatal}; nothing was imported`);
  return table;
}

/**
 * Matches rows to files: by the path relative to the imported folder (with or without the
 * folder's own name in front), else by file name when exactly one file has that name.
 * Returns the values per file index, and warnings for rows that match nothing, match several
 * files, or name a file another row already claimed.
 */
export function matchMetadata(
  table: MetadataTable,
  files: MatchableFile[],
): { byFile: Map<number, MetadataRow>; warnings: string[] } {
  const byPath = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  files.forEach((f, i) => {
    push(byPath, f.rootRel, i);
    if (f.rootName) push(byPath, `${f.rootName}/${f.rootRel}`, i);
    push(byName, baseName(f.rootRel), i);
  });
  const byFile = new Map<number, MetadataRow>();
  const warnings: string[] = [];
  for (const r of table.rows) {
    let hits = byPath.get(r.file) ?? [];
    if (hits.length === 0 && !r.file.includes('/')) hits = byName.get(r.file) ?? [];
    if (hits.length === 0) {
      warnings.push(`metadata CSV row ${r.row}: no imported file matches "${r.file}"`);
    } else if (hits.length > 1) {
      warnings.push(
        `metadata CSV row ${r.row}: "${r.file}" matches ${hits.length} files; give the path relative to the imported folder (e.g. ${files[hits[0]!]!.rootRel})`,
      );
    } else {
      const earlier = byFile.get(hits[0]!);
      if (earlier)
        warnings.push(
          `metadata CSV row ${r.row}: "${r.file}" is the same file as row ${earlier.row}; row ignored`,
        );
      else byFile.set(hits[0]!, r);
    }
  }
  return { byFile, warnings };
}
