import { describe, expect, test } from 'vitest';
import {
	mulberry32,
	synthHotspots,
	synthIncident,
	SYNTH_SPAN,
	SYNTH_TIME_ZONE
} from '../../src/lib/bench/synth';
import { validateSingleJson } from '../../src/lib/import/single-file';
import { formatError } from '../../src/lib/model/validate';
import { parseInstant, statedOffset, zoneOffset } from '../../src/lib/model/time';
import type { IncidentModel } from '../../src/lib/model/schema';

const DAY = 86_400_000;

/** Every validation problem as "file path: message", so a failure names them. */
function problems(model: unknown): string[] {
	return validateSingleJson(model, 'synthetic.json').errors.map(formatError);
}

function share(model: IncidentModel, test: (e: IncidentModel['events'][number]) => boolean) {
	return model.events.filter(test).length / model.events.length;
}

describe('synthIncident', () => {
	const small = synthIncident({ events: 1_000 });

	test('a 1,000-event incident is plain JSON and passes the import validator', () => {
		const json = JSON.parse(JSON.stringify(small));
		expect(json).toStrictEqual(small);
		expect(problems(json)).toEqual([]);
	});

	test('the same seed gives the same incident, another seed a different one', () => {
		const a = JSON.stringify(synthIncident({ events: 2_000, seed: 7 }));
		expect(JSON.stringify(synthIncident({ events: 2_000, seed: 7 }))).toBe(a);
		expect(JSON.stringify(synthIncident({ events: 2_000, seed: 8 }))).not.toBe(a);
		// The default seed is 1.
		expect(synthIncident({ events: 1_000, seed: 1 })).toStrictEqual(small);
	});

	test('counts are exactly as asked, defaults as documented', () => {
		expect(small.events).toHaveLength(1_000);
		expect(small.parties).toHaveLength(12);
		expect(small.relations).toHaveLength(24);
		expect(small.sources).toHaveLength(20);
		expect(small.storylines).toEqual([]);
		expect(synthIncident({ events: 10 }).sources).toHaveLength(5);

		const m = synthIncident({ events: 333, parties: 40, relations: 7, sources: 9, seed: 3 });
		expect([m.events.length, m.parties.length, m.relations.length, m.sources.length]).toEqual([
			333, 40, 7, 9
		]);
		expect(problems(m)).toEqual([]);
	});

	test('2,000 parties and 5,000 relations validate (the graph benchmark)', () => {
		const m = synthIncident({ events: 10_000, parties: 2_000, relations: 5_000 });
		expect(m.events).toHaveLength(10_000);
		expect(m.parties).toHaveLength(2_000);
		expect(m.relations).toHaveLength(5_000);
		expect(problems(m)).toEqual([]);
		// A hierarchy and real hubs, not a uniform scatter.
		expect(m.parties.filter((p) => p.parent).length).toBeGreaterThan(500);
		const degree = new Map<string, number>();
		for (const r of m.relations)
			for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
		expect(Math.max(...degree.values())).toBeGreaterThan(30);
		expect(new Set(m.relations.map((r) => r.type)).size).toBeGreaterThan(8);
	});

	test('the incident is named by its size and opens on the main hotspot', () => {
		const { incident } = synthIncident({ events: 10_000 });
		expect(incident.id).toBe('synthetic-10000');
		expect(incident.title).toBe('Synthetic incident, 10,000 events');
		expect(incident.timeZone).toBe(SYNTH_TIME_ZONE);
		expect(incident.span).toEqual(SYNTH_SPAN);
		const [main] = synthHotspots(1);
		const focus = [parseInstant(incident.focus.start), parseInstant(incident.focus.end)];
		expect(focus[1]! - focus[0]!).toBe(14 * DAY);
		expect(main).toBeGreaterThan(focus[0]!);
		expect(main).toBeLessThan(focus[1]!);
		expect(incident.keyMoments.length).toBeGreaterThanOrEqual(3);
		expect(incident.sides.length).toBeGreaterThanOrEqual(3);
		expect(incident.sides.length).toBeLessThanOrEqual(4);
		expect(incident.categories).toHaveLength(6);
	});

	test('events cluster around the hotspots, with bursts minutes wide', () => {
		for (const seed of [1, 2, 99]) {
			const m = synthIncident({ events: 5_000, seed });
			const hotspots = synthHotspots(seed);
			expect(hotspots.length).toBeGreaterThanOrEqual(4);
			expect(hotspots.length).toBeLessThanOrEqual(6);
			const near = share(m, (e) =>
				hotspots.some((h) => Math.abs(parseInstant(e.start) - h) <= 2 * DAY)
			);
			expect(near).toBeGreaterThan(0.6);
			// ...but not all: the rest spread over the span.
			expect(near).toBeLessThan(0.8);
			// Bursts: many events share a ten-minute slot with four others or more.
			const slots = new Map<number, number>();
			for (const e of m.events) {
				const slot = Math.floor(parseInstant(e.start) / 600_000);
				slots.set(slot, (slots.get(slot) ?? 0) + 1);
			}
			const crowded = [...slots.values()].filter((n) => n >= 5).reduce((a, b) => a + b, 0);
			expect(crowded / m.events.length).toBeGreaterThan(0.1);
		}
	});

	test('times look curated: ranges, date-only, "about", disputes, real zone offsets', () => {
		const m = synthIncident({ events: 10_000, seed: 5 });
		const span = [parseInstant(SYNTH_SPAN.start), parseInstant(SYNTH_SPAN.end)];
		const ranges = share(m, (e) => e.end !== undefined);
		expect(ranges).toBeGreaterThan(0.15);
		expect(ranges).toBeLessThan(0.25);
		// Disputed exactly where two versions are recorded (claims or casualty figures).
		const disputed = share(m, (e) => e.disputed);
		expect(disputed).toBeGreaterThan(0.035);
		expect(disputed).toBeLessThan(0.065);
		const figures = new Map<string, number>();
		for (const c of m.casualties) figures.set(c.event, (figures.get(c.event) ?? 0) + 1);
		for (const e of m.events)
			expect(e.disputed, e.id).toBe((e.claims?.length ?? 0) >= 2 || (figures.get(e.id) ?? 0) >= 2);
		expect(share(m, (e) => e.precision === 'day')).toBeGreaterThan(0.05);
		expect(share(m, (e) => e.approximate && e.precision === 'hour')).toBeGreaterThan(0.03);
		expect(share(m, (e) => e.approximate && e.precision === 'minute')).toBeGreaterThan(0.03);
		expect(share(m, (e) => (e.claims?.length ?? 0) > 1)).toBeGreaterThan(0.02);
		expect(share(m, (e) => e.sourceTimeZone === null)).toBeGreaterThan(0.05);

		for (const e of m.events) {
			const start = parseInstant(e.start);
			expect(start).toBeGreaterThanOrEqual(span[0]!);
			if (e.end !== undefined) {
				const end = parseInstant(e.end);
				expect(end).toBeGreaterThan(start);
				expect(end).toBeLessThanOrEqual(span[1]!);
				if (e.precision !== 'day') expect(end - start).toBeLessThanOrEqual(4 * 3_600_000);
			}
			// Date-only events start at local midnight; "about HH:00" is on the hour.
			if (e.precision === 'day' || e.precision === 'month') expect(e.start).toContain('T00:00');
			if (e.precision === 'hour') expect(e.start.slice(13, 16)).toBe(':00');
			// The offset written is the source zone's (or the incident's) real one at that instant;
			// a day that starts with a spring-forward (the incident's zone: at midnight) keeps the old one.
			const zone = e.sourceTimeZone ?? SYNTH_TIME_ZONE;
			const offsets = [zoneOffset(start, zone)];
			if (e.start.includes('T00:00')) offsets.push(zoneOffset(start - 60_000, zone));
			expect(offsets).toContain(statedOffset(e.start));
			expect(e.parties.length).toBeGreaterThanOrEqual(1);
			expect(e.parties.length).toBeLessThanOrEqual(3);
			expect(e.sources.length).toBeGreaterThanOrEqual(1);
			expect(e.sources.length).toBeLessThanOrEqual(2);
		}
		const starts = m.events.map((e) => parseInstant(e.start));
		expect(starts.every((t, i) => i === 0 || t >= starts[i - 1]!)).toBe(true);
		expect(m.casualties.length).toBeGreaterThan(0);
		expect(m.sources.every((s) => s.url.startsWith('https://example.org/'))).toBe(true);
	});

	test('tiny and degenerate sizes stay valid; impossible ones are refused', () => {
		for (const options of [
			{ events: 0 },
			{ events: 1, parties: 1 },
			{ events: 3, parties: 2, relations: 10 },
			{ events: 20, sources: 100 }
		])
			expect(problems(synthIncident(options)), JSON.stringify(options)).toEqual([]);
		expect(() => synthIncident({ events: -1 })).toThrow(RangeError);
		expect(() => synthIncident({ events: 1.5 })).toThrow(RangeError);
		expect(() => synthIncident({ events: 10, parties: 0 })).toThrow(RangeError);
		expect(() => synthIncident({ events: 10, parties: 1, relations: 1 })).toThrow(
			'at least two parties'
		);
	});

	test('100,000 events: the right count, unique ids, and valid', { timeout: 180_000 }, () => {
		const m = synthIncident({ events: 100_000 });
		expect(m.events).toHaveLength(100_000);
		expect(new Set(m.events.map((e) => e.id)).size).toBe(100_000);
		expect(m.sources).toHaveLength(2_000);
		expect(problems(m)).toEqual([]);
	});
});

describe('mulberry32', () => {
	test('is seeded and stays in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 1_000 }, () => a());
		expect(Array.from({ length: 1_000 }, () => b())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(mulberry32(43)()).not.toBe(xs[0]);
	});
});
