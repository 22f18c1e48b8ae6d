/**
 * The locator map frames whatever incident it is given: its regional view is fitted to the
 * cluster where most events happened, wherever on the globe that is, and places far from it go
 * to the world view. These tests use places on several continents, across the antimeridian and
 * near a pole, so nothing passes because of one incident's geography.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { groupByPoint, placesOf, type Place } from '../../src/lib/map/places';
import {
	boxRing,
	CLUSTER_KM,
	distanceKm,
	inBox,
	lonArc,
	lonWidth,
	MIN_SPAN_DEG,
	regionName,
	regionOf
} from '../../src/lib/map/region';
import type { IncidentEvent } from '../../src/lib/model/schema';

function place(name: string, lat: number, lon: number, events = 1): Place {
	return {
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		lat,
		lon,
		precision: 'city',
		eventIds: Array.from({ length: events }, (_, i) => `${name}-${i}`)
	};
}

describe('lonArc', () => {
	test.each([
		[[10, 20, 15], { west: 10, east: 20 }],
		[[178, -179, 179.5], { west: 178, east: -179 }],
		[[-170, 170], { west: 170, east: -170 }],
		[[5], { west: 5, east: 5 }]
	])('%j is the arc %j', (lons, arc) => expect(lonArc(lons)).toEqual(arc));

	test('the arc holds every longitude and is never wider than needed (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -180, max: 179.99, noNaN: true }), {
					minLength: 1,
					maxLength: 12
				}),
				(lons) => {
					const arc = lonArc(lons);
					const box = { ...arc, south: -90, north: 90 };
					for (const lon of lons) expect(inBox({ lat: 0, lon }, box)).toBe(true);
					// Every other choice of west end (one of the points) is no narrower.
					for (const west of lons) {
						const widest = Math.max(...lons.map((l) => lonWidth({ west, east: l })));
						expect(lonWidth(arc)).toBeLessThanOrEqual(widest + 1e-9);
					}
				}
			)
		);
	});
});

describe('regionOf', () => {
	test('frames the cluster with the most events and leaves far places to the world view', () => {
		const places = [
			place('Lima', -12.05, -77.04, 9),
			place('Callao', -12.06, -77.15, 4),
			place('Cusco', -13.53, -71.97, 2),
			place('Geneva', 46.2, 6.14, 3),
			place('New York', 40.75, -73.97, 5)
		];
		const region = regionOf(places)!;
		expect(region.core.map((p) => p.name)).toEqual(['Lima', 'Callao', 'Cusco']);
		for (const p of region.core) expect(inBox(p, region.box)).toBe(true);
		expect(inBox(places[3]!, region.box)).toBe(false);
		expect(inBox(places[4]!, region.box)).toBe(false);
		expect(regionName(region.core)).toBe('the area around Lima, Callao and Cusco');
	});

	test('a cluster across the antimeridian is one narrow box, not the whole globe', () => {
		const places = [
			place('Suva', -18.14, 178.44, 3),
			place('Taveuni', -16.8, 179.97, 2),
			place('Lalau islet', -17.1, -179.4, 2)
		];
		const { box, centre } = regionOf(places)!;
		expect(box.west).toBeGreaterThan(box.east);
		expect(lonWidth(box)).toBeLessThan(10);
		for (const p of places) expect(inBox(p, box)).toBe(true);
		expect(Math.abs(centre[0])).toBeGreaterThan(175);
	});

	test('a place near a pole gets a box that stays on the globe', () => {
		const { box } = regionOf([place('Ice-edge station', -88.5, 112.2, 2)])!;
		expect(box.south).toBeGreaterThanOrEqual(-89);
		expect(box.north).toBeLessThanOrEqual(89);
		expect(inBox({ lat: -88.5, lon: 112.2 }, box)).toBe(true);
	});

	test('one place still gets a readable box of at least the smallest span', () => {
		const { box } = regionOf([place('Kolkata', 22.57, 88.36)])!;
		expect(box.north - box.south).toBeCloseTo(MIN_SPAN_DEG, 5);
		expect(lonWidth(box)).toBeGreaterThanOrEqual(MIN_SPAN_DEG);
	});

	test('no places, no region', () => expect(regionOf([])).toBeNull());

	test('every place in the region is within the cluster distance of one place (property)', () => {
		const arbPlace = fc
			.record({
				lat: fc.double({ min: -85, max: 85, noNaN: true }),
				lon: fc.double({ min: -180, max: 179.9, noNaN: true }),
				n: fc.integer({ min: 1, max: 20 })
			})
			.map(({ lat, lon, n }) => place(`p ${lat} ${lon}`, lat, lon, n));
		fc.assert(
			fc.property(fc.array(arbPlace, { minLength: 1, maxLength: 15 }), (places) => {
				const region = regionOf(places)!;
				expect(region.core.length).toBeGreaterThan(0);
				const centre = region.core.find((c) =>
					region.core.every((p) => distanceKm(c, p) <= CLUSTER_KM)
				);
				expect(centre).toBeDefined();
				for (const p of region.core) expect(inBox(p, region.box)).toBe(true);
			})
		);
	});
});

describe('boxRing', () => {
	test('runs clockwise round the box and follows its parallels, also across 180°', () => {
		const ring = boxRing({ west: 170, east: -170, south: -20, north: -10 });
		expect(ring[0]).toEqual([170, -20]);
		expect(ring.some(([lon, lat]) => lat === -10 && lon === 180 - 360)).toBe(true);
		for (const [lon, lat] of ring) {
			expect(lat).toBeGreaterThanOrEqual(-20);
			expect(lat).toBeLessThanOrEqual(-10);
			expect(inBox({ lat, lon }, { west: 170, east: -170, south: -20, north: -10 })).toBe(true);
		}
	});
});

describe('places', () => {
	const at = (id: string, name: string, lat = -34.81, lon = 138.51): IncidentEvent =>
		({ id, location: { name, lat, lon, precision: 'city' } }) as IncidentEvent;

	test('places that share coordinates keep their own names and events', () => {
		const places = placesOf([
			at('a', 'Tellamurra district'),
			at('b', 'Port Tellamurra'),
			at('c', 'Harbour compound'),
			at('d', 'Port Tellamurra')
		]);
		expect(places.map((p) => [p.name, p.eventIds])).toEqual([
			['Tellamurra district', ['a']],
			['Port Tellamurra', ['b', 'd']],
			['Harbour compound', ['c']]
		]);
		expect(groupByPoint(places)).toHaveLength(1);
		expect(groupByPoint(places)[0]!.places.map((p) => p.name)).toEqual([
			'Tellamurra district',
			'Port Tellamurra',
			'Harbour compound'
		]);
	});
});
