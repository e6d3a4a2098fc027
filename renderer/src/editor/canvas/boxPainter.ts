import type { Box } from '../../../../shared/api/schemas/annotationDoc';
import type { Handle, Point, Rect, Size } from '../model/geometry';
import { HANDLES, handlePoint } from '../model/geometry';
import type { View } from '../tools/view';

/**
 * Draws boxes straight onto a 2D context in screen space (the view transform is applied
 * here, not by Konva), so 5,000 boxes are a handful of paths: one per colour, not one
 * node per box. Lines are snapped to the pixel grid and keep their width at every zoom.
 */
export interface ClassStyle {
  color: string;
  fill: string;
  name: string;
  text: string;
}

export type StyleOf = (classId: string) => ClassStyle;

const UNKNOWN: ClassStyle = {
  color: '#9aa0a6',
  fill: 'rgba(154,160,166,0.18)',
  name: '?',
  text: '#000',
};

export function hexToRgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Black or white text, whichever reads better on the class colour. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const lum = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return lum > 150 ? '#111' : '#fff';
}

export function styleTable(
  classes: ReadonlyArray<{ id: string; name: string; color: string }>,
): StyleOf {
  const m = new Map<string, ClassStyle>();
  for (const c of classes)
    m.set(c.id, {
      color: c.color,
      fill: hexToRgba(c.color, 0.18),
      name: c.name,
      text: textOn(c.color),
    });
  return (id) => m.get(id) ?? { ...UNKNOWN, name: id };
}

interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function toScreen(b: Rect, v: View): ScreenRect {
  const x0 = Math.round(b.x * v.scale + v.x);
  const y0 = Math.round(b.y * v.scale + v.y);
  const x1 = Math.round((b.x + b.w) * v.scale + v.x);
  const y1 = Math.round((b.y + b.h) * v.scale + v.y);
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

const LABEL_FONT = '600 11px system-ui, sans-serif';
const labelWidths = new Map<string, number>();

function labelWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = labelWidths.get(text);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (labelWidths.size > 500) labelWidths.clear();
    labelWidths.set(text, w);
  }
  return w;
}

function drawLabel(
  ctx: CanvasRenderingContext2D,
  r: ScreenRect,
  style: ClassStyle,
  uncertain: boolean,
): void {
  const text = uncertain ? `${style.name} ?` : style.name;
  const w = labelWidth(ctx, text) + 8;
  const h = 16;
  const y = r.y - h >= 0 ? r.y - h : r.y;
  ctx.fillStyle = style.color;
  ctx.fillRect(r.x, y, w, h);
  ctx.fillStyle = style.text;
  ctx.fillText(text, r.x + 4, y + 12);
}

export interface StaticPaint {
  boxes: readonly Box[];
  /** Drawn by the overlay instead (selected, being dragged). */
  skip: ReadonlySet<string>;
  view: View;
  viewport: Size;
  styleOf: StyleOf;
}

/** Past this many visible boxes, labels and outlines are left out: they would be noise. */
const LABEL_LIMIT = 300;
const OUTLINE_LIMIT = 1500;

/** All boxes that are not selected: one stroked path per colour (dashed when uncertain). */
export function paintStaticBoxes(ctx: CanvasRenderingContext2D, p: StaticPaint): number {
  const { view: v, viewport } = p;
  const vx0 = -v.x / v.scale;
  const vy0 = -v.y / v.scale;
  const vx1 = (viewport.width - v.x) / v.scale;
  const vy1 = (viewport.height - v.y) / v.scale;
  const groups = new Map<string, ScreenRect[]>();
  const labelled: Array<[ScreenRect, Box]> = [];
  let visible = 0;
  for (const b of p.boxes) {
    if (b.x > vx1 || b.y > vy1 || b.x + b.w < vx0 || b.y + b.h < vy0) continue;
    if (p.skip.size > 0 && p.skip.has(b.id)) continue;
    visible++;
    const r = toScreen(b, v);
    const key = b.uncertain ? `${b.classId}\u0000u` : b.classId;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
    if (r.w >= 28 && labelled.length <= LABEL_LIMIT) labelled.push([r, b]);
  }
  const thin = visible > OUTLINE_LIMIT;
  const lw = thin ? 1 : 2;
  const off = thin ? 0.5 : 0;
  ctx.lineJoin = 'miter';
  for (const [key, rects] of groups) {
    const uncertain = key.endsWith('\u0000u');
    const style = p.styleOf(uncertain ? key.slice(0, -2) : key);
    ctx.beginPath();
    for (const r of rects) ctx.rect(r.x + off, r.y + off, r.w, r.h);
    ctx.setLineDash(uncertain ? [6, 4] : []);
    if (!thin) {
      // A dark halo keeps thin coloured lines readable on bright and busy images.
      ctx.strokeStyle = 'rgba(0,0,0,0.5)';
      ctx.lineWidth = lw + 2;
      ctx.stroke();
    }
    ctx.strokeStyle = style.color;
    ctx.lineWidth = lw;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (visible <= LABEL_LIMIT) {
    ctx.font = LABEL_FONT;
    for (const [r, b] of labelled) drawLabel(ctx, r, p.styleOf(b.classId), b.uncertain);
  }
  return visible;
}

export interface OverlayPaint {
  selected: readonly Box[];
  hovered: Box | null;
  view: View;
  viewport: Size;
  image: Size;
  styleOf: StyleOf;
  showHandles: boolean;
  brush: Rect | null;
  crosshair: Point | null;
}

const HANDLE_PX = 8;

export function paintOverlay(ctx: CanvasRenderingContext2D, p: OverlayPaint): void {
  const v = p.view;
  ctx.font = LABEL_FONT;
  if (p.hovered) {
    const r = toScreen(p.hovered, v);
    ctx.strokeStyle = p.styleOf(p.hovered.classId).color;
    ctx.lineWidth = 4;
    ctx.strokeRect(r.x, r.y, r.w, r.h);
  }
  for (const b of p.selected) {
    const s = p.styleOf(b.classId);
    const r = toScreen(b, v);
    ctx.fillStyle = s.fill;
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.setLineDash(b.uncertain ? [6, 4] : []);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 4;
    ctx.strokeRect(r.x, r.y, r.w, r.h);
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.strokeRect(r.x, r.y, r.w, r.h);
    ctx.setLineDash([]);
    if (p.selected.length <= LABEL_LIMIT) drawLabel(ctx, r, s, b.uncertain);
  }
  if (p.showHandles && p.selected.length === 1) {
    const b = p.selected[0]!;
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#1d2330';
    ctx.lineWidth = 1;
    for (const h of HANDLES as readonly Handle[]) {
      const hp = handlePoint(b, h);
      const x = Math.round(hp.x * v.scale + v.x) - HANDLE_PX / 2;
      const y = Math.round(hp.y * v.scale + v.y) - HANDLE_PX / 2;
      ctx.fillRect(x, y, HANDLE_PX, HANDLE_PX);
      ctx.strokeRect(x + 0.5, y + 0.5, HANDLE_PX - 1, HANDLE_PX - 1);
    }
  }
  if (p.brush) {
    const r = toScreen(p.brush, v);
    ctx.fillStyle = 'rgba(59,130,246,0.12)';
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = '#3b82f6';
    ctx.lineWidth = 1;
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w, r.h);
    ctx.setLineDash([]);
  }
  if (p.crosshair) {
    // Crosshair across the image, drawn twice (dark, then light) to show on any background.
    const x = Math.round(p.crosshair.x * v.scale + v.x) + 0.5;
    const y = Math.round(p.crosshair.y * v.scale + v.y) + 0.5;
    const x0 = Math.max(0, v.x);
    const y0 = Math.max(0, v.y);
    const x1 = Math.min(p.viewport.width, v.x + p.image.width * v.scale);
    const y1 = Math.min(p.viewport.height, v.y + p.image.height * v.scale);
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
    ctx.moveTo(x, y0);
    ctx.lineTo(x, y1);
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0,0,0,0.45)';
    ctx.stroke();
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.stroke();
  }
}
