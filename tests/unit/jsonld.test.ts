/**
 * An event page's JSON-LD is read by a real JSON-LD processor (jsonld.js, as structured-data
 * tools use): it expands without error against schema.org's vocabulary, and what it says about
 * the event, its sources and each party's claim comes through.
 */
import jsonld from 'jsonld';
import { expect, test } from 'vitest';
import { eventJsonLd, jsonLdScript } from '../../src/lib/history/jsonld';
import { buildIndex } from '../../src/lib/model';
import { loadIncident } from '../../src/lib/server/load-incident';

const S = 'https://schema.org/';
// Expanded JSON-LD is nested arrays of nodes keyed by full IRIs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;
// schema.org's context, as its published file declares it, served locally: the test runs offline.
const documentLoader = async (url: string) => {
	if (!url.startsWith('https://schema.org')) throw new Error(`no network in tests: ${url}`);
	return {
		contextUrl: undefined,
		documentUrl: url,
		document: { '@context': { '@vocab': S } }
	};
};

test('an event with versions expands to an Event, its citations and its claims', async () => {
	const index = buildIndex(loadIncident().model!);
	const event = index.model.events.find((e) => (e.claims?.length ?? 0) > 1)!;
	const doc = eventJsonLd(index, event, 'https://example.org/events/' + event.id);
	const [page] = (await jsonld.expand(doc, { documentLoader })) as Node[];
	expect(page!['@type']).toEqual([`${S}WebPage`]);
	const about = page![`${S}about`][0];
	expect(about['@type']).toEqual([`${S}Event`]);
	expect(about[`${S}name`][0]['@value']).toBe(event.title);
	expect(page![`${S}citation`].length).toBe(new Set(event.sources.map((s) => s.source)).size);
	const claims = page![`${S}hasPart`];
	expect(claims.map((c: Node) => c[`${S}text`][0]['@value'])).toEqual(
		event.claims!.map((c) => c.statement)
	);
});

test('no text can close the script element that carries it', () => {
	const script = jsonLdScript({ name: '</script><script>alert(1)</script>' });
	expect(script.match(/<\/script>/g)).toHaveLength(1);
	expect(JSON.parse(script.slice(35, -9)).name).toBe('</script><script>alert(1)</script>');
});
