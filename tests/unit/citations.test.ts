import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { citationNotes } from '../../src/lib/model/citations';
import { readIncidentFolder } from '../../src/lib/server/load-incident';
import { validateIncident } from '../../src/lib/model/validate';

describe('citationNotes: what a source list prints under one source', () => {
	test('the same quote and locator, cited by an event and by its version, print once', () => {
		const cited = [
			{ source: 'sana', quote: 'at 5 PM', locator: 'General Command statement' },
			{ source: 'tass', locator: 'paragraphs quoting the Defence Ministry' },
			{ source: 'sana', quote: 'at 5 PM', locator: 'General Command statement' }
		];
		expect(citationNotes(cited, 'sana')).toEqual([
			{ quote: 'at 5 PM', locator: 'General Command statement' }
		]);
	});

	test('a locator already printed with a quote is not printed again on its own', () => {
		const cited = [
			{ source: 'ap', quote: 'for two days', locator: 'opening paragraph' },
			{ source: 'ap', locator: 'opening paragraph' }
		];
		expect(citationNotes(cited, 'ap')).toEqual([
			{ quote: 'for two days', locator: 'opening paragraph' }
		]);
	});

	test('different passages of one source are all kept, in order; bare citations give none', () => {
		const cited = [
			{ source: 'x', locator: 'first paragraph' },
			{ source: 'x' },
			{ source: 'x', quote: 'a', locator: 'second paragraph' },
			{ source: 'x', quote: 'b', locator: 'second paragraph' }
		];
		expect(citationNotes(cited, 'x')).toEqual([
			{ locator: 'first paragraph' },
			{ quote: 'a', locator: 'second paragraph' },
			{ quote: 'b', locator: 'second paragraph' }
		]);
		expect(citationNotes([{ source: 'x' }], 'x')).toEqual([]);
	});

	test('on the bundled incident no event panel prints a note twice under one source', () => {
		const folder = join(import.meta.dirname, '..', '..', 'data', 'incidents', 'deir-ez-zor-2016');
		const model = validateIncident(readIncidentFolder(folder)).model!;
		let repeats = 0;
		for (const e of model.events) {
			const all = [
				...e.sources,
				...(e.claims ?? []).flatMap((c) => c.sources),
				...model.casualties.filter((c) => c.event === e.id).flatMap((c) => c.sources)
			];
			// As the panel gathered them before: one note per citation with a quote or locator.
			for (const id of new Set(all.map((c) => c.source))) {
				const raw = all.filter((c) => c.source === id && (c.quote || c.locator));
				const keys = citationNotes(all, id).map((n) => `${n.quote}|${n.locator}`);
				expect(new Set(keys).size).toBe(keys.length);
				repeats += raw.length - keys.length;
			}
		}
		// The bug this guards against: the incident cites many passages more than once.
		expect(repeats).toBeGreaterThan(0);
	});
});
