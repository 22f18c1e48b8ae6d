/**
 * The first look at a file being opened: drawn only from records that have their shape, before
 * the cross-checks, and never in place of the answer; its columns are the timeline's own.
 */
import { describe, expect, test } from 'vitest';
import { runImport, type ImportProgress } from '../../src/lib/import/run';
import { previewColumns, previewLaneMode } from '../../src/lib/import/preview';
import { synthIncident } from '../../src/lib/bench/synth';
import { eventsCsv } from '../../src/lib/model/export';
import { buildIndex } from '../../src/lib/model';
import { laneOf, toItems } from '../../src/lib/layout/items';

function opened(text: string, fileName: string, lanes: 'side' | 'party' | 'category' = 'side') {
	const seen: ImportProgress[] = [];
	const result = runImport(
		{ text, fileName, kind: fileName.endsWith('.csv') ? 'csv' : 'json', previewLanes: lanes },
		(p) => seen.push(p)
	);
	const previews = seen.filter((p) => p.type === 'preview');
	return { result, previews, seen };
}

describe('a first look at a file being opened', () => {
	const model = synthIncident({ events: 500 });

	test('a valid file gives one first look, then the model; its columns are the timeline’s', () => {
		for (const lanes of ['side', 'party', 'category'] as const) {
			const { result, previews, seen } = opened(JSON.stringify(model), 'x.json', lanes);
			expect(result.ok).toBe(true);
			expect(previews).toHaveLength(1);
			// The stage after it says what is still being checked.
			const after = seen[seen.indexOf(previews[0]!) + 1];
			expect(after).toEqual({
				type: 'progress',
				stage: 'Checking every string, and the records against each other'
			});
			const { columns } = previews[0] as Extract<ImportProgress, { type: 'preview' }>;
			const index = buildIndex(model);
			const items = toItems(model.events, lanes, index.partyById);
			expect(columns.count).toBe(items.length);
			expect(columns.by).toBe(lanes);
			const name = (id: string) =>
				lanes === 'side'
					? model.incident.sides.find((s) => s.id === id)!.name
					: lanes === 'category'
						? model.incident.categories.find((c) => c.id === id)!.name
						: model.parties.find((p) => p.id === id)!.name;
			items.forEach((item, i) => {
				expect([columns.from[i], columns.to[i]]).toEqual(item.extent);
				expect(columns.lanes[columns.lane[i]!]).toBe(
					name(laneOf(model.events[i]!, lanes, index.partyById))
				);
			});
			// Every lane drawn has an event in it.
			expect(new Set(columns.lane).size).toBe(columns.lanes.length);
		}
	});

	test('a CSV gives one too, from the records its rows make', () => {
		const { result, previews } = opened(eventsCsv(model), 'x.csv');
		expect(result.ok).toBe(true);
		expect(previews).toHaveLength(1);
		expect((previews[0] as Extract<ImportProgress, { type: 'preview' }>).columns.count).toBe(500);
	});

	test('a file whose records fail the schema gives none', () => {
		const broken = structuredClone(model);
		(broken.events[3] as unknown as Record<string, unknown>).start = 'yesterday';
		expect(opened(JSON.stringify(broken), 'x.json').previews).toHaveLength(0);
	});

	test('a file that repeats a key, or holds a control character, is shown one and still refused', () => {
		// Both are found by scans that come after the records have their shape.
		const repeated = opened(
			JSON.stringify(model).replace('"title":', '"title":"x","title":'),
			'x.json'
		);
		expect(repeated.previews).toHaveLength(1);
		expect(repeated.result.ok).toBe(false);
		if (!repeated.result.ok)
			expect(repeated.result.errors[0]!.message).toMatch(/^duplicate key "title"/);
		const nul = structuredClone(model);
		nul.events[5]!.title = 'A\u0000B';
		const control = opened(JSON.stringify(nul), 'x.json');
		expect(control.previews).toHaveLength(1);
		expect(control.result.ok).toBe(false);
		if (!control.result.ok)
			expect(control.result.errors.map((e) => e.path)).toEqual(['$.events[5].title']);
	});

	test('a file that fails only the cross-checks is shown a first look, and is still refused', () => {
		const dangling = structuredClone(model);
		dangling.events[7]!.parties[0]!.party = 'nobody-at-all';
		const { result, previews } = opened(JSON.stringify(dangling), 'x.json');
		expect(previews).toHaveLength(1);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors.some((e) => e.message.includes('nobody-at-all'))).toBe(true);
		// The unknown party's event is in a lane of its own, named by what the file says.
		const { columns } = previews[0] as Extract<ImportProgress, { type: 'preview' }>;
		expect(columns.lanes).toContain('Unknown');
	});

	test('without lanes asked for, nothing is computed', () => {
		const seen: ImportProgress[] = [];
		runImport({ text: JSON.stringify(model), fileName: 'x.json', kind: 'json' }, (p) =>
			seen.push(p)
		);
		expect(seen.some((p) => p.type === 'preview')).toBe(false);
	});

	test('the lanes come from the address, and anything unknown there is by side', () => {
		expect(previewLaneMode('party')).toBe('party');
		expect(previewLaneMode('category')).toBe('category');
		expect(previewLaneMode('side')).toBe('side');
		expect(previewLaneMode('<script>')).toBe('side');
		expect(previewLaneMode(null)).toBe('side');
		expect(previewColumns({ ...model, events: [] }, 'side')).toMatchObject({ count: 0, lanes: [] });
	});
});
