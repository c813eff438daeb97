import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import { APP_PACKAGE_DIR } from './manifest';

/**
 * `npx tsx scripts/teams/icons.ts` redraws `appPackage/color.png` and `appPackage/outline.png`.
 * The PNGs are committed; this script is how they were made, so a change of shape or colour is a
 * code change that review can see, and a test checks the committed files still match it.
 */

/** Teams wants a 192×192 full-colour icon and a 32×32 outline icon (manifest `icons`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** The manifest's accentColor (#0F6CBD), so the icon and the tile Teams draws behind it agree. */
export const ACCENT_RGB: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];

// Teams crops the colour icon into circles and rounded squares, so its symbol keeps to the middle
// 96×96 and the background bleeds to the edges. The outline icon is drawn small, so it uses
// nearly all of its 32 pixels.
const COLOR_SYMBOL_SIZE = 96;
const COLOR_SYMBOL_MARGIN = (COLOR_ICON_SIZE - COLOR_SYMBOL_SIZE) / 2;
const OUTLINE_SYMBOL_MARGIN = 2;
const OUTLINE_STROKE_PX = 2;

interface Circle { x: number; y: number; r: number }

// The cloud in a unit square (y down): a horizontal capsule for its flat base and two circles
// for the puffs on top, centred both ways. A union of such shapes has a cheap signed distance,
// which gives both the filled cloud and its outline, with smooth edges, from one description.
const BASE = { fromX: 0.22, toX: 0.78, y: 0.63, r: 0.2 };
const PUFFS: readonly Circle[] = [
  { x: 0.56, y: 0.43, r: 0.26 },
  { x: 0.3, y: 0.53, r: 0.17 },
];

/** Signed distance from (x, y) to the cloud's edge, in unit-square units: negative inside. */
function cloudDistance(x: number, y: number): number {
  const along = Math.min(Math.max(x, BASE.fromX), BASE.toX);
  let distance = Math.hypot(x - along, y - BASE.y) - BASE.r;
  for (const puff of PUFFS) {
    distance = Math.min(distance, Math.hypot(x - puff.x, y - puff.y) - puff.r);
  }
  return distance;
}

/** How much of a pixel lies at or below `distance` 0: a one-pixel linear ramp, enough to anti-alias. */
function coverage(distancePx: number): number {
  return Math.min(Math.max(0.5 - distancePx, 0), 1);
}

/**
 * Paints every pixel of a square icon from the pixel's signed distance (in pixels) to the cloud.
 * `paint` returns RGBA, 0–255.
 */
function drawIcon(size: number, margin: number, paint: (distancePx: number) => readonly number[]): PNG {
  const png = new PNG({ width: size, height: size });
  const scale = size - 2 * margin;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const x = (column + 0.5 - margin) / scale;
      const y = (row + 0.5 - margin) / scale;
      const rgba = paint(cloudDistance(x, y) * scale);
      const offset = (row * size + column) * 4;
      for (let channel = 0; channel < 4; channel++) {
        png.data[offset + channel] = Math.round(rgba[channel] ?? 0);
      }
    }
  }
  return png;
}

/** A white cloud on the accent colour, opaque to the edges. */
export function drawColorIcon(): PNG {
  return drawIcon(COLOR_ICON_SIZE, COLOR_SYMBOL_MARGIN, (distancePx) => {
    const white = coverage(distancePx);
    return [...ACCENT_RGB.map((channel) => channel + (255 - channel) * white), 255];
  });
}

/**
 * The cloud's outline in white on a transparent background. Teams recolours this icon to suit
 * its theme and expects nothing but white and transparency, so only the alpha varies.
 */
export function drawOutlineIcon(): PNG {
  return drawIcon(OUTLINE_ICON_SIZE, OUTLINE_SYMBOL_MARGIN, (distancePx) => {
    const inBand = coverage(distancePx) * coverage(-distancePx - OUTLINE_STROKE_PX);
    return [255, 255, 255, 255 * inBand];
  });
}

function main(): void {
  const written = [
    { file: 'color.png', png: drawColorIcon() },
    { file: 'outline.png', png: drawOutlineIcon() },
  ].map(({ file, png }) => {
    const path = join(APP_PACKAGE_DIR, file);
    writeFileSync(path, PNG.sync.write(png, { colorType: 6 }));
    return `${relative(process.cwd(), path)} (${png.width}×${png.height})`;
  });
  process.stdout.write(`Wrote ${written.join(' and ')}\n`);
}

if (require.main === module) {
  main();
}
