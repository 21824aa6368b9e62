import { describe, expect, it } from 'vitest';
import { cellText, neutraliseFormula, quoteField, writeCsv, type CsvColumn } from './csv';

interface Row {
	name: string;
	count: number | null;
	tags: string[];
}
const columns: CsvColumn<Row>[] = [
	{ header: 'name', value: (r) => r.name },
	{ header: 'count', value: (r) => r.count },
	{ header: 'tags', value: (r) => r.tags }
];

describe('writing CSV (RFC 4180)', () => {
	it('writes a header row and one CRLF-ended row per item', () => {
		expect(writeCsv(columns, [{ name: 'CDLE', count: 3, tags: ['ice', 'wages'] }])).toBe('name,count,tags\r\nCDLE,3,ice; wages\r\n');
	});
	it('writes only the header for no rows', () => {
		expect(writeCsv(columns, [])).toBe('name,count,tags\r\n');
	});
	it('quotes fields with commas, quotes or line breaks, and doubles the quotes', () => {
		expect(quoteField('a,b')).toBe('"a,b"');
		expect(quoteField('say "no"')).toBe('"say ""no"""');
		expect(quoteField('line\nbreak')).toBe('"line\nbreak"');
		expect(quoteField('cr\rlf')).toBe('"cr\rlf"');
		expect(quoteField('plain text')).toBe('plain text');
	});
	it('writes empty cells for null and undefined, and keeps non-ASCII text as it is', () => {
		expect(writeCsv(columns, [{ name: 'Departamento de Ingresos — año', count: null, tags: [] }])).toBe(
			'name,count,tags\r\nDepartamento de Ingresos — año,,\r\n'
		);
	});
	it('writes objects as JSON, quoted because of their commas and quotes', () => {
		expect(cellText({ channel: 'email', pages: 3 })).toBe('{"channel":"email","pages":3}');
		expect(quoteField(cellText({ a: 1, b: 2 }))).toBe('"{""a"":1,""b"":2}"');
	});
});

describe('neutralising spreadsheet formulas', () => {
	it('prefixes an apostrophe to text that starts with = + - or @', () => {
		for (const attack of ['=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1:A2)']) {
			expect(neutraliseFormula(attack), attack).toBe(`'${attack}`);
		}
	});
	it('also when a tab or carriage return comes first', () => {
		expect(neutraliseFormula('\t=1+1')).toBe("'\t=1+1");
		expect(neutraliseFormula('\r=1+1')).toBe("'\r=1+1");
	});
	it('leaves text alone that only contains those characters later, and real numbers alone', () => {
		expect(neutraliseFormula('a=b')).toBe('a=b');
		expect(neutraliseFormula('2025-03-06')).toBe('2025-03-06');
		expect(cellText(-5)).toBe('-5');
	});
	it('neutralises inside a whole file, quoting as well where needed', () => {
		const csv = writeCsv(columns, [{ name: '=cmd|"/C calc"!A0', count: 1, tags: ['-x', 'y'] }]);
		expect(csv).toBe('name,count,tags\r\n"\'=cmd|""/C calc""!A0",1,\'-x; y\r\n');
	});
});
