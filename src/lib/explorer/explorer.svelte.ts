/**
 * The explorer's state: what the timeline shows (window, zone, lanes, filters) and everything
 * derived from it. Components read it and call its methods; they hold no logic of their own.
 * The URL is a serialisation of `view` plus the selected event in the path.
 */
import { untrack } from 'svelte';
import { scaleLinear } from 'd3-scale';
import { matchesQuery, type ModelIndex } from '../model';
import { zoneChoices, type ZoneChoice } from '../model/format-time';
import { toItems, eventExtent } from '../layout/items';
import { placesOf, type Place } from '../map/places';
import { layoutIndexed, type LayoutOptions, type TimelineLayout } from '../layout/layout';
import { buildTimeIndex, countOverlapping } from '../layout/time-index';
import { zonedTicks } from '../layout/ticks';
import { forgetMeasures, measureText } from '../text-measure';
import { SETTLE_MS } from './settle';
import { moveView, type View } from './motion';
import { clampWindow, DEFAULT_VIEW, type LaneMode, type ViewState } from '../url/view-state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Where the explorer's links lead. The bundled incident has a page per event and party; an
 * incident opened in the browser has only its workspace, so its events are selected in place
 * and its parties have no page (null).
 */
export interface ExplorerLinks {
	/** The address of an event (or, for null, of no selection), without the view's query. */
	event: (id: string | null) => string;
	party: (id: string) => string | null;
}

/** A title's width as a timeline label (Timeline.Mark's 13.5 px), px. */
const measureLabel = (title: string) => measureText(title, 13.5);

/** Appends a query string ("?a=1" or "") to an address that may already have one. */
export function joinQuery(href: string, query: string): string {
	if (!query) return href;
	return href.includes('?') ? `${href}&${query.replace(/^\?/, '')}` : href + query;
}

export class Explorer {
	readonly index: ModelIndex;
	readonly links: ExplorerLinks;
	/**
	 * Visible window, ms since the epoch. Raw state: a window is replaced, never changed in
	 * place, and read on every frame of a zoom, where a deep proxy's traps cost time.
	 */
	window = $state.raw<[number, number]>([0, 1]);
	/**
	 * The window once it has stood still for a moment (see follow): read by what
	 * need not change on every frame of a zoom or drag, the caption that screen readers
	 * announce, the list of events in view and the canvas pills' buttons (settledLayout). Set
	 * with `window` where a view is applied.
	 */
	settledWindow = $state.raw<[number, number]>([0, 1]);
	tz = $state<ViewState['tz']>(DEFAULT_VIEW.tz);
	/** How events are grouped into lanes (the address's `lanes`); laneGroups holds the lanes. */
	lanes = $state<LaneMode>(DEFAULT_VIEW.lanes);
	parties = $state<string[]>([]);
	categories = $state<string[]>([]);
	q = $state('');
	/** Which views are on screen: timeline, graph or both. */
	view = $state<ViewState['view']>(DEFAULT_VIEW.view);
	/** The selected event (from the page's path); the layout never hides it in a cluster. */
	selected = $state<string | null>(null);
	/** The relation selected in the graph: its events and sources are listed. */
	rel = $state<string | null>(null);
	/** A place the timeline is filtered to (from the map). */
	place = $state<string | null>(null);
	/** A selected party: its events stand out on the timeline, its neighbours in the graph. */
	party = $state<string | null>(null);
	/** Events a briefing step focuses: drawn as selected, the rest faded. */
	focusEvents = $state<ReadonlySet<string> | null>(null);
	/** Briefing mode: the timeline shows only lanes with something in view (see layout). */
	sparse = $state(false);
	/** Drawn on a dark background (the dark projector theme): marks take the lighter hues. */
	dark = $state(false);
	/** Parties a briefing step focuses: lit in the graph, the rest faded. */
	focusParties = $state<ReadonlySet<string> | null>(null);
	/**
	 * The view as the page's links carry it ("?from=…", or "" for the default view). The
	 * workspace sets it when it writes the address bar, a quarter second after the view stops
	 * changing, so a zoom gesture does not rewrite every link on the page at every frame.
	 */
	linkQuery = $state('');
	/**
	 * An event whose lane the timeline should bring on screen: set when the user moves to an
	 * event by keyboard or the jump list, cleared once the page has scrolled to it.
	 */
	reveal = $state<string | null>(null);
	/** Plot width in px, measured by the component. */
	width = $state(960);
	/**
	 * The part of the lanes' height on screen, px from the first lane's top, in steps (set by
	 * the timeline as the page scrolls): with much in view only these lanes are laid out.
	 */
	viewY = $state.raw<[number, number]>([0, 2048]);
	compact = $state(false);
	viewerZone = $state('UTC');

	constructor(index: ModelIndex, links: ExplorerLinks) {
		this.index = index;
		this.links = links;
		this.window = this.settledWindow = index.focus;
	}

	/** Where events happened, for the locator map and the place filter. */
	readonly places: Place[] = $derived.by(() => placesOf(this.index.chronological));

	readonly zones: ZoneChoice[] = $derived.by(() =>
		zoneChoices(this.index.model.incident, this.viewerZone)
	);
	readonly zone: ZoneChoice = $derived(this.zones.find((z) => z.id === this.tz) ?? this.zones[0]!);

	/** Events that pass the party, category and text filters, in time order. */
	readonly visibleEvents = $derived.by(() => {
		const parties = new Set(this.parties);
		const cats = new Set(this.categories);
		const here = this.place
			? new Set(this.places.find((p) => p.id === this.place)?.eventIds)
			: null;
		return this.index.chronological.filter(
			(e) =>
				(here === null || here.has(e.id)) &&
				(cats.size === 0 || cats.has(e.category)) &&
				(parties.size === 0 || e.parties.some((p) => parties.has(p.party))) &&
				matchesQuery(e, this.q)
		);
	});

	readonly filtered = $derived(
		this.parties.length > 0 ||
			this.categories.length > 0 ||
			this.q.trim() !== '' ||
			this.place !== null
	);

	/**
	 * Lanes for the current grouping, in the incident's own order, only those with events that
	 * pass the filters. Zooming never adds or removes a lane, so the picture stays put. In a
	 * briefing, the lanes holding the step's focus come first, so a pane of fixed height shows
	 * what the step is about before the context around it.
	 */
	readonly laneGroups = $derived.by(() => {
		const { model } = this.index;
		const used = new Set(this.items.map((i) => i.lane));
		const all =
			this.lanes === 'side'
				? model.incident.sides.map((s) => ({ id: s.id, name: s.name }))
				: this.lanes === 'category'
					? model.incident.categories.map((c) => ({ id: c.id, name: c.name }))
					: model.parties.map((p) => ({ id: p.id, name: p.shortName ?? p.name }));
		const lanes = all.filter((l) => used.has(l.id));
		const focus = this.focusEvents;
		if (!this.sparse || !focus || focus.size === 0) return lanes;
		const focused = new Set(this.items.filter((i) => focus.has(i.id)).map((i) => i.lane));
		return [...lanes.filter((l) => focused.has(l.id)), ...lanes.filter((l) => !focused.has(l.id))];
	});

	readonly items = $derived.by(() => toItems(this.visibleEvents, this.lanes, this.index.partyById));

	readonly scale = $derived(scaleLinear().domain(this.window).range([0, this.width]));

	/**
	 * True once the page's typeface has loaded: labels are then cut by their measured width.
	 * Until then (and when prerendering) widths are estimated, as the prerendered page was.
	 */
	measuring = $state(false);

	readonly layoutOptions: Partial<LayoutOptions> = $derived({
		...(this.compact ? { maxRows: 3, labelMaxWidth: 240, rowHeight: 28 } : {}),
		labelWidth: this.measuring ? measureLabel : null,
		first: this.selected,
		priority: this.focusEvents,
		sparse: this.sparse,
		viewY: this.viewY
	});

	/** Built when the filters change, so each zoom frame only touches what is in view. */
	readonly timeIndex = $derived(buildTimeIndex(this.items));

	/** Events overlapping the settled window, exactly, over every lane (O(log N), see the index). */
	readonly inViewCount = $derived(
		countOverlapping(this.timeIndex, this.settledWindow[0], this.settledWindow[1])
	);

	/** The window stands where it last stood still: no zoom or drag is going on. */
	readonly resting = $derived(
		this.settledWindow[0] === this.window[0] && this.settledWindow[1] === this.window[1]
	);

	/**
	 * Each lane's tallest height, and the lanes' tallest total, since the window last stood
	 * still, px: recorded by setWindow as the window leaves each picture (see layout).
	 */
	#floors = new Map<string, number>();
	#tallest = 0;

	/**
	 * The layout at the window. While the window moves (until it has stood still for
	 * SETTLE_MS), each lane keeps at least the height it has had since the window last stood
	 * still: lanes gain and lose rows as they zoom, and the lanes below one that lost a row
	 * moved up on that frame and down again on the next. Once the window rests, each lane
	 * takes its own height again.
	 */
	readonly layout: TimelineLayout = $derived(
		layoutIndexed(
			this.timeIndex,
			this.laneGroups,
			this.scale,
			this.width,
			this.resting ? this.layoutOptions : { ...this.layoutOptions, laneFloors: this.#floors }
		)
	);

	/**
	 * The layout at the settled window, for what need not follow every frame: the buttons of
	 * the pills drawn on the canvas, and the lanes' spoken counts. Once the window rests it is
	 * the live layout itself; it is laid out on its own only when the window has come to rest
	 * somewhere the live layout has since left, and never on a frame of a zoom or a drag.
	 */
	readonly settledLayout: TimelineLayout = $derived.by(() => {
		const [a, b] = this.settledWindow;
		// What a layout depends on besides the window: a change to any lays it out again.
		void [this.timeIndex, this.laneGroups, this.width, this.layoutOptions];
		return untrack(() => (this.resting ? this.layout : this.layoutAt([a, b]).layout));
	});

	/**
	 * How tall the lanes stand on the page, px. Lanes gain and lose rows as they zoom, and a
	 * plot that took each frame's height moved everything below it up and down the page at
	 * those steps, and had the browser lay out and repaint the whole page for those frames.
	 * While the window moves, the lanes keep the tallest height they have had since it last
	 * stood still (the room below the last lane is left empty); once it rests, they take the
	 * layout's own height again.
	 */
	readonly lanesHeight = $derived(
		this.resting ? this.layout.height : Math.max(this.#tallest, this.layout.height)
	);

	readonly ticks = $derived(zonedTicks(this.window[0], this.window[1], this.zone.zone, this.width));

	/**
	 * The layout and ticks the timeline would have at another window, without moving there:
	 * the same inputs as `layout`, read once.
	 */
	layoutAt(w: [number, number]) {
		const win = clampWindow(w, this.index.span);
		const scale = scaleLinear().domain(win).range([0, this.width]);
		return {
			window: win,
			layout: layoutIndexed(this.timeIndex, this.laneGroups, scale, this.width, this.layoutOptions),
			ticks: zonedTicks(win[0], win[1], this.zone.zone, this.width)
		};
	}

	get viewState(): ViewState {
		return {
			window: this.window,
			tz: this.tz,
			lanes: this.lanes,
			parties: this.parties,
			categories: this.categories,
			q: this.q,
			view: this.view,
			party: this.party,
			place: this.place,
			rel: this.rel
		};
	}

	/** Applies a parsed URL state; a null window means "the default for this page". */
	apply(state: ViewState, defaultWindow: [number, number]) {
		this.window = this.settledWindow = state.window ?? defaultWindow;
		this.tz = state.tz;
		this.lanes = state.lanes;
		this.parties = state.parties;
		this.categories = state.categories;
		this.q = state.q;
		this.view = state.view;
		this.party = state.party;
		this.place = state.place;
		this.rel = state.rel;
	}

	/** Events of the selected party, or null when no party is selected. */
	readonly partyEvents = $derived.by(() => {
		const id = this.party;
		if (!id) return null;
		return new Set(
			this.index.model.events.filter((e) => e.parties.some((p) => p.party === id)).map((e) => e.id)
		);
	});

	/** Events that stand out (a briefing step's focus, else the selected party's), or null. */
	readonly highlighted = $derived(this.focusEvents ?? this.partyEvents);

	/**
	 * Moves the window (a frame of a zoom or drag, a step of an ease). Before it leaves the
	 * picture on screen, each lane's height there is kept as the least it may take until the
	 * window rests again (see layout and lanesHeight).
	 */
	setWindow(w: [number, number]) {
		const leaving = this.layout;
		if (this.resting) {
			this.#floors = new Map();
			this.#tallest = 0;
		}
		// Every lane's height, laid out or not (an off-screen lane of a tall timeline too).
		const lanes = this.laneGroups;
		for (let i = 0; i < lanes.length; i++) {
			const h = leaving.tops[i + 1]! - leaving.tops[i]!;
			const id = lanes[i]!.id;
			if (h > (this.#floors.get(id) ?? 0)) this.#floors.set(id, h);
		}
		this.#tallest = Math.max(this.#tallest, leaving.height);
		this.window = clampWindow(w, this.index.span);
	}

	/** The timeline's plot is this wide, px (as measured by the view that draws it). */
	resize(width: number) {
		if (width > 0 && width !== this.width) this.width = width;
	}

	/** This part of the lanes' height is on screen, px from the first lane's top (see viewY). */
	showLanes(viewY: [number, number]) {
		const [p, q] = this.viewY;
		if (p !== viewY[0] || q !== viewY[1]) this.viewY = viewY;
	}

	/** The page's typeface has loaded: measure labels from now on (see measuring). */
	fontsReady() {
		forgetMeasures();
		this.measuring = true;
	}

	/** Height of what covers the bottom of the screen (a phone's event sheet), px. */
	obscuredBottom = $state(0);

	/** Something covers this much of the screen's bottom (0: nothing): reveal above it. */
	obscure(px: number) {
		if (px !== this.obscuredBottom) this.obscuredBottom = px;
	}

	/** The event asked to be revealed has been brought on screen. */
	revealed() {
		this.reveal = null;
	}

	/** Shows a window at once, at rest: a still picture, or a jump that is not a gesture. */
	showAt(w: [number, number]) {
		this.window = this.settledWindow = clampWindow(w, this.index.span);
	}

	/**
	 * Makes `settledWindow` follow the window once it has stood still for SETTLE_MS, until the
	 * returned function is called. The explorer owns the timer (an effect root of its own), so
	 * no view has to install it, and two that show it cannot disagree.
	 */
	follow(): () => void {
		return $effect.root(() => {
			$effect(() => {
				const w = this.window;
				const timer = setTimeout(() => (this.settledWindow = w), SETTLE_MS);
				return () => clearTimeout(timer);
			});
		});
	}

	/** Zooms by factor around an instant (default: the window's centre). k > 1 zooms in. */
	zoomBy(k: number, at = (this.window[0] + this.window[1]) / 2) {
		const [a, b] = this.window;
		this.setWindow([at - (at - a) / k, at + (b - at) / k]);
	}

	/** Pans by a fraction of the window's width (negative: back in time). */
	panBy(fraction: number) {
		const [a, b] = this.window;
		const d = (b - a) * fraction;
		this.setWindow([a + d, b + d]);
	}

	/** A window that shows the event with context either side. */
	windowFor(eventId: string): [number, number] {
		const e = this.index.eventById.get(eventId);
		if (!e) return this.index.focus;
		const { extent } = eventExtent(e);
		const length = extent[1] - extent[0];
		const pad = Math.max(
			length * 0.6,
			e.precision === 'minute' ? 45 * 60_000 : e.precision === 'hour' ? 3 * HOUR : 2 * DAY
		);
		return clampWindow([extent[0] - pad, extent[1] + pad], this.index.span);
	}

	/**
	 * The window that shows every event passing the filters, with a margin (the whole span
	 * when none does). For "fit to matches" after a search.
	 */
	windowForVisible(): [number, number] {
		const list = this.visibleEvents;
		if (list.length === 0) return this.index.span;
		if (list.length === 1) return this.windowFor(list[0]!.id);
		let a = Infinity;
		let b = -Infinity;
		for (const e of list) {
			const { extent } = eventExtent(e);
			a = Math.min(a, extent[0]);
			b = Math.max(b, extent[1]);
		}
		const pad = Math.max((b - a) * 0.08, HOUR);
		return clampWindow([a - pad, b + pad], this.index.span);
	}

	/** Moves the window so the event is in view, keeping the zoom level when it is wide enough. */
	windowShowing(eventId: string): [number, number] {
		const e = this.index.eventById.get(eventId);
		if (!e) return this.window;
		const { extent } = eventExtent(e);
		const [a, b] = this.window;
		const width = b - a;
		if (extent[0] >= a + width * 0.05 && extent[1] <= b - width * 0.05) return this.window;
		if (extent[1] - extent[0] > width * 0.8) return this.windowFor(eventId);
		const mid = (extent[0] + extent[1]) / 2;
		return clampWindow([mid - width / 2, mid + width / 2], this.index.span);
	}

	/** The event before or after the given one among those visible, in time order. */
	neighbour(eventId: string | null, direction: 1 | -1): string | null {
		const list = this.visibleEvents;
		if (list.length === 0) return null;
		const i = eventId ? list.findIndex((e) => e.id === eventId) : -1;
		if (i === -1) {
			// Nothing selected (or filtered out): start from the window's left or right edge.
			const mid = (this.window[0] + this.window[1]) / 2;
			const after = list.findIndex((e) => eventExtent(e).start >= mid);
			const j =
				direction === 1
					? after === -1
						? list.length - 1
						: after
					: after === -1
						? list.length - 1
						: Math.max(0, after - 1);
			return list[j]!.id;
		}
		return list[i + direction]?.id ?? null;
	}

	/**
	 * Selects a party (null: none): its events stand out on the timeline, its partners in the
	 * graph, and its card opens in the side panel. A relation selected before is let go.
	 */
	selectParty(id: string | null) {
		this.party = id;
		this.rel = null;
	}

	/** Selects a relation (null: none): its card lists its events and sources. */
	selectRelation(id: string | null) {
		this.rel = id;
	}

	/** Adds or removes a party from the timeline's filter (not the graph's selection). */
	toggleParty(id: string) {
		this.parties = this.parties.includes(id)
			? this.parties.filter((p) => p !== id)
			: [...this.parties, id];
	}

	toggleCategory(id: string) {
		this.categories = this.categories.includes(id)
			? this.categories.filter((c) => c !== id)
			: [...this.categories, id];
	}

	clearFilters() {
		this.place = null;
		this.parties = [];
		this.categories = [];
		this.q = '';
	}
}

/**
 * Moves the explorer's window to a target along d3's zoom path (see motion.ts); at once when
 * the reader prefers reduced motion. Returns a function that cancels the move.
 */
export function animateWindow(
	explorer: Explorer,
	target: [number, number],
	duration = 450
): () => void {
	const view = ([a, b]: [number, number]): View => [(a + b) / 2, 0, b - a];
	return moveView(view(explorer.window), view(target), duration, ([c, , w], done) =>
		explorer.setWindow(done ? target : [c - w / 2, c + w / 2])
	);
}
