/**
 * What a person notices in the graph, checked the way they would see it: after switching views
 * every party is inside the plot; names never print over one another or run off the plot's
 * edges; a click on a name selects that party (not a relation passing under it); the party's
 * card opens in the side panel, on screen; and every relation type looks different in the key
 * without colour. Nothing here names the bundled incident's parties.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The plot's box and every drawn party's shape and label box, in page px. */
async function picture(page: Page) {
	return page.locator('svg.graph-plot').evaluate((svg) => {
		const box = (el: Element) => {
			const r = el.getBoundingClientRect();
			return { x: r.x, y: r.y, width: r.width, height: r.height };
		};
		return {
			plot: box(svg),
			shapes: [...svg.querySelectorAll('.node .shape')].map((el) => ({
				id: el.closest('.node')!.getAttribute('data-party-id')!,
				...box(el)
			})),
			labels: [...svg.querySelectorAll('.name .node-label')].map((el) => ({
				id: el.closest('.name')!.getAttribute('data-party-id')!,
				text: el.textContent ?? '',
				...box(el)
			}))
		};
	});
}

const inside = (a: Rect, b: Rect, slack = 0.5) =>
	a.x >= b.x - slack &&
	a.y >= b.y - slack &&
	a.x + a.width <= b.x + b.width + slack &&
	a.y + a.height <= b.y + b.height + slack;
const overlap = (a: Rect, b: Rect, slack = 0.5) =>
	a.x + slack < b.x + b.width &&
	b.x + slack < a.x + a.width &&
	a.y + slack < b.y + b.height &&
	b.y + slack < a.y + a.height;

/** Waits until the graph has drawn its parties and stopped moving (the fit is at once). */
async function settled(page: Page) {
	await expect(page.locator('svg.graph-plot .node').first()).toBeVisible();
	let last = '';
	await expect
		.poll(async () => {
			const now = JSON.stringify(await picture(page));
			const same = now === last;
			last = now;
			return same;
		})
		.toBe(true);
	return picture(page);
}

function expectReadable(p: Awaited<ReturnType<typeof picture>>, where: string) {
	expect(p.labels.length, `${where}: some names are shown`).toBeGreaterThan(0);
	for (const l of p.labels)
		expect(inside(l, p.plot), `${where}: "${l.text}" inside the plot`).toBe(true);
	for (let i = 0; i < p.labels.length; i++)
		for (let j = i + 1; j < p.labels.length; j++) {
			const [a, b] = [p.labels[i]!, p.labels[j]!];
			expect(overlap(a, b), `${where}: "${a.text}" and "${b.text}" overlap`).toBe(false);
		}
}

test('after Graph → Both every party is inside the visible plot', async ({ page }) => {
	await page.goto('/?view=graph');
	await settled(page);
	await page.getByTestId('view-both').click();
	await expect(page).toHaveURL(/view=both/);
	const p = await settled(page);
	for (const s of p.shapes) expect(inside(s, p.plot), `party ${s.id} inside the plot`).toBe(true);
	// And back: the graph alone is framed afresh too.
	await page.getByTestId('view-graph').click();
	const q = await settled(page);
	for (const s of q.shapes) expect(inside(s, q.plot), `party ${s.id} inside the plot`).toBe(true);
});

for (const address of ['/?view=graph', '/?view=both', '/?view=both&party=PARTY']) {
	test(`names never overlap or leave the plot (${address})`, async ({ page, model }) => {
		const first = model.parties[0]!.id;
		await page.goto(address.replace('PARTY', encodeURIComponent(first)));
		expectReadable(await settled(page), address);
	});
}

test('a click on a name selects its party, not a relation passing under it', async ({ page }) => {
	// Tall enough that the whole plot is on screen: elementFromPoint sees only the viewport.
	await page.setViewportSize({ width: 1440, height: 1600 });
	await page.goto('/?view=graph');
	const p = await settled(page);
	// What is under the middle of every name is that name's party.
	const under = await page.evaluate(
		(labels) =>
			labels.map((l) => {
				const el = document.elementFromPoint(l.x + l.width / 2, l.y + l.height / 2);
				return {
					id: l.id,
					hit: el?.closest('.node, .edge, .name')?.getAttribute('data-party-id')
				};
			}),
		p.labels
	);
	for (const u of under) expect(u.hit, `the name of ${u.id}`).toBe(u.id);
	// And a real click on one selects it.
	const label = p.labels.find((l) => l.width > 20) ?? p.labels[0]!;
	await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
	await expect(page).toHaveURL(new RegExp(`[?&]party=${encodeURIComponent(label.id)}(&|$)`));
});

test("the party's card opens in the side panel, on screen at 1440 × 900", async ({ page }) => {
	await page.goto('/?view=both');
	const p = await settled(page);
	const shape = p.shapes[0]!;
	await page.mouse.click(shape.x + shape.width / 2, shape.y + shape.height / 2);
	await expect(page).toHaveURL(new RegExp(`[?&]party=`));
	const card = page.locator('aside.panel').getByRole('region', { name: 'Selected party' });
	await expect(card).toBeVisible();
	const box = (await card.boundingBox())!;
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.y).toBeLessThan(900 - 40);
	expect(box.x + box.width).toBeLessThanOrEqual(1440);
	// A relation's card opens there too.
	await card.locator('.party-edges li button').first().click();
	await expect(
		page.locator('aside.panel').getByRole('region', { name: 'Selected relation' })
	).toBeInViewport();
});

test('every relation type in the key differs from every other in dash or mark', async ({
	page
}) => {
	await page.goto('/?view=graph');
	const key = page.getByRole('list', { name: 'Relation types' });
	await expect(key).toBeVisible();
	const looks = await key.locator('li[data-relation-type]').evaluateAll((items) =>
		items.map((li) => ({
			type: li.getAttribute('data-relation-type'),
			dash: li.querySelector('line')?.getAttribute('stroke-dasharray') ?? '',
			mark: li.querySelector('.mark')?.getAttribute('d') ?? ''
		}))
	);
	expect(looks.length).toBeGreaterThan(5);
	const seen = new Map<string, string>();
	for (const l of looks) {
		const look = `${l.dash}|${l.mark}`;
		expect(seen.get(look), `${l.type} is drawn like ${seen.get(look)}`).toBeUndefined();
		seen.set(look, l.type!);
	}
	// The thin structural lines are in the key too.
	await expect(key).toContainText('part of');
});
