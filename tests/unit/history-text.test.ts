/**
 * The history worked out from each file's text (file-records.ts), against its plain definition:
 * every record of every commit parsed and serialised again (snapshotOf, diffSnapshots). The fast
 * way must say exactly what the plain one says, in the same order, for any history: records
 * moved, duplicated, renamed, reformatted, files broken and mended, gone and back.
 */
import { describe, expect, test, vi } from 'vitest';
import {
	buildRevisions,
	diffSnapshots,
	revisionOf,
	snapshotOf,
	type Commit,
	type Revision,
	type Snapshot
} from '../../src/lib/history/diff';
import { FileRecords } from '../../src/lib/history/file-records';

/** The history as the plain definition gives it: the engine buildRevisions had before. */
function plainRevisions(commits: Commit[]): Revision[] {
	const revisions: Revision[] = [];
	let prev: { snapshot: Snapshot; blobs: Record<string, string> } | null = null;
	for (const c of commits) {
		const next = snapshotOf(c.files, prev);
		const changes = diffSnapshots(prev?.snapshot ?? null, next);
		prev = {
			snapshot: next,
			blobs: Object.fromEntries(Object.entries(c.files).map(([f, e]) => [f, e.blob]))
		};
		if (changes.length) revisions.push(revisionOf(c, changes));
	}
	return revisions.reverse();
}

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/** JSON text of a value with whitespace, escapes and number spellings chosen at random. */
function write(value: unknown, random: () => number, loose: boolean): string {
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
	const ws = () =>
		!loose || random() < 0.6 ? '' : [' ', '\n', '\t', '\r\n  ', '  '][Math.floor(random() * 5)]!;
	const str = (s: string) =>
		loose && random() < 0.2
			? '"' +
				[...s]
					.map((ch) =>
						random() < 0.3
							? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
							: JSON.stringify(ch).slice(1, -1)
					)
					.join('') +
				'"'
			: JSON.stringify(s);
	const go = (v: unknown): string => {
		if (typeof v === 'string') return str(v);
		if (typeof v === 'number') {
			if (!loose || random() < 0.7) return JSON.stringify(v);
			return v === 0 ? pick(['-0', '0e5', '0.0']) : Number.isInteger(v) ? `${v}.0` : `${v}e0`;
		}
		if (Array.isArray(v)) return `[${ws()}${v.map((x) => go(x)).join(`${ws()},${ws()}`)}${ws()}]`;
		if (v && typeof v === 'object')
			return `{${ws()}${Object.entries(v)
				.map(([k, x]) => `${str(k)}${ws()}:${ws()}${go(x)}`)
				.join(`${ws()},${ws()}`)}${ws()}}`;
		return JSON.stringify(v);
	};
	return go(value);
}

const WORDS = ['a', 'b]', '{c}', 'd"e', 'f\\g', 'é', 'h\ni', ',', ''];

function randomRecord(random: () => number, id: string): Record<string, unknown> {
	const r: Record<string, unknown> = { id };
	const fields = ['title', 'start', 'n', 'tags', 'place', 'approximate'];
	for (const f of fields)
		if (random() < 0.6)
			r[f] =
				f === 'n'
					? Math.floor(random() * 5) - 2
					: f === 'tags'
						? [WORDS[Math.floor(random() * WORDS.length)]]
						: f === 'place'
							? { name: WORDS[Math.floor(random() * WORDS.length)], at: [1, 2] }
							: f === 'approximate'
								? random() < 0.5
								: WORDS[Math.floor(random() * WORDS.length)];
	return r;
}

/** A random history of events.json (and a little of incident.json), with texts. */
function randomHistory(seed: number, length: number): Commit[] {
	const random = rng(seed);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
	// Some histories long enough for many records to go at once, past where a record is looked
	// for close by.
	let events: unknown[] = Array.from(
		{ length: Math.floor(random() * (random() < 0.5 ? 120 : 8)) },
		(_, i) => randomRecord(random, `e${i}`)
	);
	let incident: Record<string, unknown> = { id: 'inc', title: 'T' };
	let nextId = 100;
	let indent: string | number = '\t';
	const commits: Commit[] = [];
	for (let c = 0; c < length; c++) {
		const ops = 1 + Math.floor(random() * 3);
		for (let k = 0; k < ops; k++) {
			const i = Math.floor(random() * Math.max(1, events.length));
			const op = random();
			events = events.slice();
			const isRecord = !!events[i] && typeof events[i] === 'object' && !Array.isArray(events[i]);
			if (op < 0.25 && isRecord) {
				const e = { ...(events[i] as object) } as Record<string, unknown>;
				e[pick(['title', 'n', 'tags', 'extra'])] = pick([1, 'x', [2], { y: 1 }, null, true]);
				events[i] = e;
			} else if (op < 0.35) events.splice(i, 0, randomRecord(random, `e${nextId++}`));
			else if (op < 0.45 && events.length)
				events.splice(i, random() < 0.5 ? 17 + Math.floor(random() * 30) : 1);
			else if (op < 0.55 && events.length) {
				// moved elsewhere
				const [e] = events.splice(i, 1);
				events.splice(Math.floor(random() * (events.length + 1)), 0, e);
			} else if (op < 0.62 && events.length)
				events.splice(i, 0, events[i]); // a duplicate
			else if (op < 0.68 && isRecord)
				events[i] = { ...(events[i] as object), id: `e${nextId++}` }; // id changed
			else if (op < 0.74 && isRecord)
				events[i] = Object.fromEntries(Object.entries(events[i] as object).reverse()); // key order
			else if (op < 0.78) events.splice(i, 0, pick([1, 'x', null, [1], { noId: 1 }, { id: 5 }]));
			else if (op < 0.82) incident = { ...incident, title: pick(['T', 'U', 'V']) };
			else if (op < 0.86) indent = pick(['\t', 2, 4, 0]);
			else if (op < 0.9 && isRecord) {
				// a record duplicated with another value: the last one is the record
				events.push({ ...(events[i] as object), title: pick(['dup', 'other']) });
			}
		}
		const loose = random() < 0.3;
		const doc: Record<string, unknown> = { $schema: '../events.schema.json', events };
		if (random() < 0.1) doc.note = 'after';
		let text = loose ? write(doc, random, true) : JSON.stringify(doc, null, indent);
		if (random() < 0.05) text = `{"events": [{"id": "ghost"}], ${text.trimStart().slice(1)}`; // a duplicate key
		const shape = random();
		const files: Commit['files'] = {};
		if (shape < 0.05) {
			// events.json left out: every event removed
		} else if (shape < 0.1) {
			const at = Math.floor(random() * text.length);
			files['events.json'] = {
				blob: `b${c}`,
				text: text.slice(0, at) + pick(['', '}', 'x', ' 1']) + text.slice(at + 1)
			};
		} else if (shape < 0.12) files['events.json'] = { blob: `b${c}`, unreadable: true };
		else if (shape < 0.15) files['events.json'] = { blob: `b${c}`, json: doc };
		else if (shape < 0.2 && commits.length)
			files['events.json'] = commits.at(-1)!.files['events.json'] ?? { blob: 'same', text };
		else files['events.json'] = { blob: `b${c}`, text };
		files['incident.json'] = {
			blob: `i${c}`,
			text: JSON.stringify({ incident }, null, random() < 0.5 ? 2 : 0)
		};
		commits.push({
			hash: c.toString(16).padStart(40, '0'),
			date: `d${c}`,
			subject: `c${c}`,
			body: '',
			files
		});
	}
	return commits;
}

describe('the history from texts says what the plain definition says', () => {
	test('for five hundred random histories', { timeout: 30_000 }, () => {
		for (let seed = 1; seed <= 500; seed++) {
			const commits = randomHistory(seed, 12);
			expect(buildRevisions(commits), `seed ${seed}`).toEqual(plainRevisions(commits));
		}
	});
});

/** A commit of events.json with the given text. */
function commit(n: number, text: string): Commit {
	return {
		hash: String(n).padStart(40, '0'),
		date: `2031-10-0${n}T12:00:00+00:00`,
		subject: `commit ${n}`,
		body: '',
		files: { 'events.json': { blob: `blob-${n}-${text.length}`, text } }
	};
}

const eventsText = (events: unknown[], indent: string | number = '\t') =>
	JSON.stringify({ $schema: '../../schema/events.schema.json', events }, null, indent) + '\n';

describe('records followed by their text', () => {
	const a = { id: 'a', title: 'A', start: '2031-01-01' };
	const b = { id: 'b', title: 'B', start: '2031-01-02' };
	const c = { id: 'c', title: 'C', start: '2031-01-03' };

	test('a record moved elsewhere in the file, its text unchanged, is no change', () => {
		const f = new FileRecords('events', false);
		f.update(eventsText([a, b, c]));
		expect(f.update(eventsText([c, a, b]))).toEqual([]);
		expect(f.update(eventsText([a, c, b]))).toEqual([]);
	});

	test('a record whose id changed is one record removed and another added', () => {
		const f = new FileRecords('events', false);
		f.update(eventsText([a, b, c]));
		expect(f.update(eventsText([a, { ...b, id: 'b2' }, c]))).toEqual([
			{ id: 'b2', change: 'added' },
			{ id: 'b', change: 'removed', before: JSON.stringify(b, null, '\t').replace(/\n/g, '\n\t\t') }
		]);
	});

	test('records repeated alike are one record; of repeats that differ, the last counts', () => {
		const revisions = buildRevisions([
			commit(1, eventsText([a, b])),
			commit(2, eventsText([a, b, a])),
			commit(3, eventsText([a, b, { ...a, title: 'A2' }])),
			commit(4, eventsText([{ ...a, title: 'A2' }, b, a])),
			commit(5, eventsText([b]))
		]);
		expect(revisions.map((r) => [r.subject, r.changes])).toEqual([
			['commit 5', [{ kind: 'event', id: 'a', change: 'removed', was: a }]],
			[
				'commit 4',
				[
					{
						kind: 'event',
						id: 'a',
						change: 'changed',
						fields: [{ field: 'title', before: 'A2', after: 'A' }]
					}
				]
			],
			[
				'commit 3',
				[
					{
						kind: 'event',
						id: 'a',
						change: 'changed',
						fields: [{ field: 'title', before: 'A', after: 'A2' }]
					}
				]
			],
			[
				'commit 1',
				[
					{ kind: 'event', id: 'a', change: 'added' },
					{ kind: 'event', id: 'b', change: 'added' }
				]
			]
		]);
	});

	test('a commit that only reformats (indentation, line ends, key order) leaves no revision', () => {
		const reordered = [a, b, c].map((e) => Object.fromEntries(Object.entries(e).reverse()));
		const revisions = buildRevisions([
			commit(1, eventsText([a, b, c])),
			commit(2, eventsText([a, b, c], 4).replace(/\n/g, '\r\n')),
			commit(3, eventsText(reordered, 2)),
			commit(4, JSON.stringify({ events: [a, b, c], $schema: '../../schema/events.schema.json' }))
		]);
		expect(revisions.map((r) => r.subject)).toEqual(['commit 1']);
	});

	test('one record changed among 10,000 is that change alone, and only it is parsed', () => {
		const events = Array.from({ length: 10_000 }, (_, i) => ({
			id: `e${i}`,
			title: `Event ${i}`,
			sources: [{ source: `s${i % 7}` }]
		}));
		const f = new FileRecords('events', false);
		expect(f.update(eventsText(events))).toHaveLength(10_000);
		const next = events.slice();
		next[6_543] = { ...next[6_543]!, title: 'Corrected' };
		const parse = vi.spyOn(JSON, 'parse');
		try {
			const changes = f.update(eventsText(next));
			expect(changes?.map((c) => [c.id, c.change])).toEqual([['e6543', 'changed']]);
			expect(parse).toHaveBeenCalledTimes(1);
		} finally {
			parse.mockRestore();
		}
		const revisions = buildRevisions([commit(1, eventsText(events)), commit(2, eventsText(next))]);
		expect(revisions[0]!.changes).toEqual([
			{
				kind: 'event',
				id: 'e6543',
				change: 'changed',
				fields: [{ field: 'title', before: 'Event 6543', after: 'Corrected' }]
			}
		]);
	});

	test('many records removed at once are that change alone, and none after them is parsed', () => {
		const events = Array.from({ length: 5_000 }, (_, i) => ({ id: `e${i}`, title: `Event ${i}` }));
		const f = new FileRecords('events', false);
		f.update(eventsText(events));
		const next = events.slice();
		next.splice(2_000, 500);
		next[3_000] = { ...next[3_000]!, title: 'Corrected' };
		const parse = vi.spyOn(JSON, 'parse');
		try {
			const changes = f.update(eventsText(next));
			expect(changes?.filter((c) => c.change === 'removed')).toHaveLength(500);
			expect(changes?.filter((c) => c.change !== 'removed').map((c) => c.id)).toEqual(['e3500']);
			// The first record after the gap, to find where it is; the corrected one.
			expect(parse).toHaveBeenCalledTimes(2);
		} finally {
			parse.mockRestore();
		}
	});

	test('whitespace inside a number is not JSON: the file keeps its records as they were', () => {
		const revisions = buildRevisions([
			commit(1, '{"events": [{"id": "a", "n": 12}]}'),
			commit(2, '{"events": [{"id": "a", "n": 1 2}]}'),
			commit(3, '{"events": [{"id": "a", "n": 13}]}')
		]);
		expect(revisions.map((r) => [r.subject, r.changes.map((c) => c.fields)])).toEqual([
			['commit 3', [[{ field: 'n', before: 12, after: 13 }]]],
			['commit 1', [undefined]]
		]);
	});

	test('of two members named "events", the last holds the records, as JSON.parse has it', () => {
		const revisions = buildRevisions([
			commit(1, '{"events": [{"id": "a"}], "sevent": [{"id": "b"}]}'),
			commit(2, '{"events": [{"id": "a"}], "events": [{"id": "c"}]}')
		]);
		expect(revisions[0]!.changes).toEqual([
			{ kind: 'event', id: 'c', change: 'added' },
			{ kind: 'event', id: 'a', change: 'removed', was: { id: 'a' } }
		]);
	});

	test('a file gone is every record removed; back again, every record added', () => {
		const gone = { ...commit(2, ''), files: {} };
		const revisions = buildRevisions([
			commit(1, eventsText([a, b])),
			gone,
			commit(3, eventsText([a]))
		]);
		expect(revisions.map((r) => r.changes.map((c) => `${c.change} ${c.id}`))).toEqual([
			['added a'],
			['removed a', 'removed b'],
			['added a', 'added b']
		]);
	});
});
