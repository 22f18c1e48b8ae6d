/**
 * How long the window stands still before the settled window follows it, ms. A plain module,
 * so the browser tests can read it without compiling the explorer's runes.
 */
export const SETTLE_MS = 150;
