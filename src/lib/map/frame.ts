/**
 * The locator map's frame, shared by the map and the box that holds its place while its code
 * loads (LocatorMapLoader), so the page does not move when the map arrives.
 */

/** The regional inset's size in its own units (it scales to the column's width). */
export const W = 360;
export const H = 250;
/** The world inset's height, at the same width. */
export const WORLD_H = 150;

export const CAPTION = 'Solid dot: exact place · dashed ring: approximate · hollow dot: city only.';
