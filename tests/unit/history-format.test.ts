/**
 * What a reader is told about changes: a field's change in a few words, the record as it was
 * at an older version, and the corrections log as an Atom feed that any feed reader can parse.
 */
import { describe, expect, test } from 'vitest';
import { changesSummary, fieldSummary, recordAsItWas } from '../../src/lib/history/format';
import { atomFeed } from '../../src/lib/history/feed';
import { buildIndex } from '../../src/lib/model';
import { loadIncident } from '../../src/lib/server/load-incident';
import type { RecordEntry } from '../../src/lib/history/diff';
import type { IncidentHistory } from '../../src/lib/history/schema';
import { xmlText } from '../../src/lib/xml';

describe('fieldSummary', () => {
	test.each([
		[{ field: 'start', before: '16:25', after: '16:27' }, 'start (16:25 → 16:27)'],
		[
			{ field: 'sources', before: [{ source: 'a' }], after: [{ source: 'a' }, { source: 'b' }] },
			'sources (+1)'
		],
		[
			{ field: 'sources', before: [{ source: 'a' }, { source: 'b' }], after: [{ source: 'c' }] },
			'sources (+1, −2)'
		],
		[{ field: 'timeNote', after: 'Derived.' }, 'time note (added)'],
		[{ field: 'timeNote', before: 'Derived.' }, 'time note (removed)'],
		[{ field: 'summary', before: 'x'.repeat(80), after: 'y'.repeat(80) }, 'summary'],
		[{ field: 'parties', before: [1, 2], after: [1, 2, 3] }, 'parties (2 → 3)'],
		[{ field: 'disputed', before: false, after: true }, 'disputed (false → true)']
	])('%j reads "%s"', (change, words) => expect(fieldSummary(change)).toBe(words));
});

const entry = (e: Partial<RecordEntry>): RecordEntry => ({
	version: 'abcdef1',
	date: '2031-10-05T12:00:00+00:00',
	subject: 's',
	body: '',
	change: 'changed',
	...e
});

describe('an old version of a record', () => {
	const entries = [
		entry({ fields: [{ field: 'start', before: '16:27', after: '16:30' }] }),
		entry({
			fields: [
				{ field: 'start', before: '16:25', after: '16:27' },
				{ field: 'timeNote', after: 'n' }
			]
		})
	];

	test('is the current record with each change undone, newest first', () => {
		expect(recordAsItWas({ id: 'e', start: '16:30', timeNote: 'n' }, entries)).toEqual({
			id: 'e',
			start: '16:25'
		});
		expect(changesSummary(entries)).toBe('start (16:27 → 16:30), time note (added)');
	});

	test('did not exist before it was added', () => {
		expect(recordAsItWas({ id: 'e' }, [entry({ change: 'added' })])).toBeNull();
	});
});

describe('the Atom feed', () => {
	const result = loadIncident();
	const index = buildIndex(result.model!);
	const event = index.model.events[0]!;
	const history: IncidentHistory = {
		incident: index.model.incident.id,
		version: { id: 'abcdef1', date: '2031-10-05T12:00:00+00:00', kind: 'git' },
		available: true,
		revisions: [
			{
				version: 'abcdef1',
				hash: 'abcdef1'.padEnd(40, '0'),
				date: '2031-10-05T12:00:00+00:00',
				subject: 'Correct the <start> & "end" of an event',
				body: 'Control \u0000 characters never reach the XML.',
				changes: [
					{
						kind: 'event',
						id: event.id,
						change: 'changed',
						fields: [{ field: 'start', before: 'a', after: 'b' }]
					}
				]
			}
		]
	};
	const xml = atomFeed(index, history, 'https://example.org');

	test('has one entry per revision, with absolute links where the site address is known', () => {
		expect(xml.match(/<entry>/g)).toHaveLength(1);
		expect(xml).toContain(
			'<link rel="alternate" type="text/html" href="https://example.org/changes#v-abcdef1"/>'
		);
		expect(xml).toContain(
			'<title>Correct the &lt;start&gt; &amp; &quot;end&quot; of an event</title>'
		);
		expect(xml).toContain(`Changed event ${xmlText(event.title)}: start (a → b)`);
	});

	test('is well-formed: no control characters, every tag closed', () => {
		// eslint-disable-next-line no-control-regex
		expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
		const opened = (xml.match(/<(entry|feed|title|content|id|updated)\b/g) ?? []).length;
		const closed = (xml.match(/<\/(entry|feed|title|content|id|updated)>/g) ?? []).length;
		expect(opened).toBe(closed);
	});
});
