import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import {
    FIGURE_FIELDS,
    FIGURE_NUMBER,
    type FigureField,
    type FigureRow,
    type JsonNode,
    JsonSyntaxError,
    parseJsonWithPositions,
    positionAt
} from 'mission-lang-language';
import { UsageError } from './exit-codes.js';
import { describeError } from './files.js';

/**
 * The figures of `mission measures update --from FILE`: a CSV file (a header `measure` and one or
 * more of `baseline`, `target`, `current`, in any order) or, for a name ending in `.json`, a JSON array
 * of objects with those keys. An empty cell (or null) leaves the figure as it is. A bad header, a value
 * that is not a number, a row without a measure and a measure named twice are usage errors that name
 * the row and its line and column.
 */
export async function readFigures(path: string): Promise<FigureRow[]> {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${path}: ${describeError(error)}`);
    });
    const rows = path.toLowerCase().endsWith('.json') ? jsonFigures(path, text) : csvFigures(path, text);
    const seen = new Map<string, string>();
    for (const row of rows) {
        const earlier = seen.get(row.measure);
        if (earlier !== undefined) throw new UsageError(`${row.where}: ${row.measure} is already given (${earlier})`);
        seen.set(row.measure, row.where.slice(row.where.lastIndexOf(': ') + 2));
    }
    return rows;
}

interface Cell {
    readonly text: string;
    readonly line: number;
    readonly column: number;
}

function csvFigures(path: string, text: string): FigureRow[] {
    let records: Array<{ record: string[]; raw: string; info: { lines: number; records: number } }>;
    try {
        records = parse(text, { bom: true, raw: true, info: true, skip_empty_lines: true });
    } catch (error) {
        if (error instanceof CsvError)
            throw new UsageError(`${path}:${(error as CsvError & { lines?: number }).lines ?? 1}: ${error.message}`);
        throw error;
    }
    if (records.length === 0) throw new UsageError(`${path}:1: empty: ${HEADER_WANTED}`);
    const [header, ...data] = records.map(entry => ({ ...entry, cells: cellsOf(entry) }));
    const columns = header!.cells.map(cell => cell.text.trim());
    const problem = headerProblem(columns);
    if (problem) throw new UsageError(`${path}:${header!.cells[0]!.line}:1: bad header: ${problem}`);
    return data.map(entry => {
        const row = `row ${entry.info.records}`;
        const at = (cell: Cell) => `${path}:${cell.line}:${cell.column}: ${row}`;
        const measureCell = entry.cells[columns.indexOf('measure')]!;
        const measure = measureCell.text.trim();
        if (measure === '') throw new UsageError(`${at(measureCell)}: no measure named`);
        const values: Partial<Record<FigureField, string>> = {};
        columns.forEach((column, index) => {
            if (column === 'measure') return;
            const cell = entry.cells[index]!;
            const value = cell.text.trim();
            if (value === '') return;
            if (!FIGURE_NUMBER.test(value)) throw new UsageError(`${at(cell)}: ${column} ${notANumber(value)}`);
            values[column as FigureField] = value;
        });
        return { where: `${path}:${measureCell.line}:${measureCell.column}: ${row}`, measure, values };
    });
}

const HEADER_WANTED = `the first row names the columns: measure, and one or more of ${FIGURE_FIELDS.join(', ')}`;

function headerProblem(columns: readonly string[]): string | undefined {
    const unknown = columns.filter(column => column !== 'measure' && !FIGURE_FIELDS.includes(column as FigureField));
    if (unknown.length > 0) return `unknown column '${unknown[0]}': ${HEADER_WANTED}`;
    const twice = columns.find((column, index) => columns.indexOf(column) !== index);
    if (twice !== undefined) return `column '${twice}' is given twice`;
    if (!columns.includes('measure')) return `no 'measure' column: ${HEADER_WANTED}`;
    if (columns.length < 2) return `no figure column: ${HEADER_WANTED}`;
    return undefined;
}

function notANumber(value: string): string {
    return `'${value}' is not a number (write it as 40000, 40_000, -2.5 or 1.2M)`;
}

/** Each field of a record with the line and column where it starts (the raw text, scanned for quotes). */
function cellsOf(entry: { record: string[]; raw: string; info: { lines: number } }): Cell[] {
    const body = entry.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
    let line = entry.info.lines - (body.match(/\n/g)?.length ?? 0);
    let column = 1;
    const starts: Array<{ line: number; column: number }> = [{ line, column }];
    let quoted = false;
    for (const char of body) {
        if (char === '"') quoted = !quoted;
        else if (char === ',' && !quoted) starts.push({ line, column: column + 1 });
        if (char === '\n') {
            line++;
            column = 1;
        } else column++;
    }
    return entry.record.map((text, index) => ({ text, ...(starts[index] ?? starts[0]!) }));
}

function jsonFigures(path: string, file: string): FigureRow[] {
    const text = file.charCodeAt(0) === 0xfeff ? file.slice(1) : file;
    let root: JsonNode;
    try {
        root = parseJsonWithPositions(text);
    } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        const { line, column } = positionAt(text, error.offset);
        throw new UsageError(`${path}:${line}:${column}: not valid JSON: ${error.message}`);
    }
    const at = (offset: number, item?: number) => {
        const { line, column } = positionAt(text, offset);
        return `${path}:${line}:${column}${item === undefined ? '' : `: item ${item}`}`;
    };
    if (root.kind !== 'array')
        throw new UsageError(`${at(root.span.start)}: want an array of {"measure": "Mission.measure", "current": 42}`);
    return root.items.map((item, index) => {
        const number = index + 1;
        if (item.kind !== 'object') throw new UsageError(`${at(item.span.start, number)}: want an object`);
        const measure = item.members.find(member => member.key === 'measure');
        if (measure?.value.kind !== 'string' || measure.value.value.trim() === '')
            throw new UsageError(`${at(item.span.start, number)}: no "measure" named`);
        const values: Partial<Record<FigureField, string>> = {};
        for (const member of item.members) {
            if (member.key === 'measure') continue;
            if (!FIGURE_FIELDS.includes(member.key as FigureField))
                throw new UsageError(
                    `${at(member.keySpan.start, number)}: unknown field '${member.key}' ` +
                        `(want ${FIGURE_FIELDS.join(', ')})`
                );
            const value = member.value;
            if (value.kind === 'null') continue;
            const written =
                value.kind === 'number'
                    ? text.slice(value.span.start, value.span.end)
                    : value.kind === 'string'
                      ? value.value.trim()
                      : text.slice(value.span.start, value.span.end);
            if (!FIGURE_NUMBER.test(written))
                throw new UsageError(`${at(value.span.start, number)}: ${member.key} ${notANumber(written)}`);
            values[member.key as FigureField] = written;
        }
        return { where: at(measure.value.span.start, number), measure: measure.value.value.trim(), values };
    });
}
