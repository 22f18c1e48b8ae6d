import { describe, expect, test } from 'vitest';
import { csvCell, eventsCsv } from '../../src/lib/model/export';
import { suggestIds } from '../../src/lib/model/suggest';
import { validateIncident } from '../../src/lib/model/validate';
import { miniFiles } from './fixtures';

describe('events CSV', () => {
	test('quotes commas, quotes and newlines (RFC 4180)', () => {
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
	});

	test('defuses cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('-1')).toBe("'-1");
	});

	test('one header and one row per event, with parties and source URLs', () => {
		const csv = eventsCsv(validateIncident(miniFiles()).model!);
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'id,title,start,end,precision,approximate,source_time_zone,category,parties,disputed,location,latitude,longitude,summary,source_urls,start_earliest,start_latest,end_earliest,end_latest'
		);
		expect(lines).toHaveLength(4);
		expect(lines[1]).toContain('blue-air:actor;red-state:target');
		expect(lines[1]).toContain('https://example.org/wire-1');
	});
});

describe('suggestIds for the 404 page', () => {
	const ids = [
		'russian-first-call',
		'russian-second-call',
		'strike-begins',
		'unsc-emergency-session'
	];
	test.each([
		['russian-frist-call', ['russian-first-call', 'russian-second-call']],
		['strike', ['strike-begins']],
		['completely-unrelated-words', []]
	])('%s → %o', (wanted, expected) => expect(suggestIds(wanted, ids)).toEqual(expected));
});

describe('citingRecords', () => {
	test('lists each record that cites a source once, with where it lives', async () => {
		const { citingRecords } = await import('../../src/lib/model/citations');
		const model = validateIncident(miniFiles()).model!;
		const byWire = citingRecords(model).get('wire-1')!;
		expect(byWire.map((r) => `${r.kind} ${r.path}`)).toEqual([
			'incident /',
			'event /events/strike-begins',
			'claim /events/strike-begins',
			'event /events/first-call',
			'party /parties/blue-state',
			'party /parties/blue-air',
			'relation /parties/blue-air',
			'casualty /events/strike-begins'
		]);
	});
});
