import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent, PointerEvent as ReactPointerEvent } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import type { Size, View } from './zoomMath';
import { ZOOM_STEP, displayedSize, fitView, wheelFactor, zoomAt, zoomTo } from './zoomMath';

/**
 * An image at full resolution with zoom (wheel to cursor, buttons, keys + - 0 1) and pan
 * (drag). Coordinates are the asset's displayed pixels (after EXIF orientation): the
 * display rendition is drawn at exactly width x height whatever its own pixel size.
 */
export function ImageViewer({ asset }: { asset: Asset }) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Size>({ width: 0, height: 0 });
  const [view, setView] = useState<View | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const drag = useRef<{ id: number; x: number; y: number; view: View } | null>(null);
  const [dragging, setDragging] = useState(false);
  const image: Size = useMemo(
    () => ({ width: asset.width ?? 0, height: asset.height ?? 0 }),
    [asset.width, asset.height],
  );

  useLayoutEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  // A new asset starts fitted; so does the first time the stage gets a size.
  const hasSize = viewport.width > 0 && viewport.height > 0;
  useEffect(() => {
    setLoaded(false);
    setFailed(false);
    setView(null);
  }, [asset.id]);
  useEffect(() => {
    if (hasSize && view === null) setView(fitView(image, viewport));
  }, [hasSize, view, image, viewport]);

  const center = useCallback(() => ({ x: viewport.width / 2, y: viewport.height / 2 }), [viewport]);
  const fit = useCallback(() => setView(fitView(image, viewport)), [image, viewport]);
  const step = useCallback(
    (dir: 1 | -1) =>
      setView((v) => v && zoomAt(v, dir > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, center().x, center().y)),
    [center],
  );
  const actual = useCallback(
    () => setView((v) => v && zoomTo(v, 1, center().x, center().y)),
    [center],
  );

  // Wheel must be a non-passive native listener to stop the page from scrolling.
  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const f = wheelFactor(e.deltaY, e.deltaMode);
      setView((v) => v && zoomAt(v, f, e.clientX - r.left, e.clientY - r.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '+' || e.key === '=') step(1);
      else if (e.key === '-' || e.key === '_') step(-1);
      else if (e.key === '0') fit();
      else if (e.key === '1') actual();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, fit, actual]);

  const onPointerDown = (e: ReactPointerEvent) => {
    if (e.button !== 0 || !view) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, view };
    setDragging(true);
  };
  const onPointerMove = (e: ReactPointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    setView({ ...d.view, x: d.view.x + e.clientX - d.x, y: d.view.y + e.clientY - d.y });
  };
  const endDrag = () => {
    drag.current = null;
    setDragging(false);
  };
  const onDoubleClick = (e: ReactMouseEvent) => {
    if (!view) return;
    const r = e.currentTarget.getBoundingClientRect();
    const fitted = fitView(image, viewport);
    const atFit = Math.abs(view.scale - fitted.scale) < 1e-3;
    setView(
      atFit
        ? zoomTo(view, Math.max(1, fitted.scale * 2), e.clientX - r.left, e.clientY - r.top)
        : fitted,
    );
  };

  const shown = view ? displayedSize(image, view) : null;
  const pct = view ? Math.round(view.scale * 100) : null;
  const style = view
    ? {
        width: image.width,
        height: image.height,
        transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
      }
    : { display: 'none' };
  // Past 3x, show pixels as squares: inspectors look at single-pixel defects.
  const pixelated = (view?.scale ?? 1) >= 3;

  return (
    <div className="image-viewer">
      <div
        ref={stageRef}
        className={`image-stage ${dragging ? 'is-dragging' : ''}`}
        data-testid="image-stage"
        data-zoom={view ? view.scale.toFixed(4) : ''}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={onDoubleClick}
      >
        {!loaded && !failed && (
          <img
            className="image-layer image-placeholder"
            src={api.assetUrl(asset.id, 'thumb')}
            alt=""
            style={style}
            draggable={false}
          />
        )}
        {!failed && (
          <img
            key={asset.id}
            className={`image-layer ${pixelated ? 'is-pixelated' : ''}`}
            data-testid="viewer-image"
            src={api.assetUrl(asset.id, 'display')}
            alt={asset.fileName}
            style={{ ...style, opacity: loaded ? 1 : 0 }}
            draggable={false}
            onLoad={() => setLoaded(true)}
            onError={() => setFailed(true)}
          />
        )}
        {failed && (
          <div className="viewer-message">
            This image could not be loaded. The file may have moved.
          </div>
        )}
        {!loaded && !failed && (
          <div className="viewer-loading">
            <span className="spinner" /> Loading full resolution…
          </div>
        )}
      </div>
      <div className="zoom-bar" role="toolbar" aria-label="Zoom">
        <button
          className="zoom-btn"
          onClick={() => step(-1)}
          aria-label="Zoom out"
          title="Zoom out (−)"
        >
          <Icon name="minus" />
        </button>
        <span className="zoom-level" data-testid="zoom-level" aria-live="polite">
          {pct === null ? '–' : `${pct}%`}
        </span>
        <button
          className="zoom-btn"
          onClick={() => step(1)}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          <Icon name="plus" />
        </button>
        <span className="zoom-sep" />
        <button className="zoom-btn zoom-text" onClick={fit} title="Fit to window (0)">
          Fit
        </button>
        <button className="zoom-btn zoom-text" onClick={actual} title="Actual pixels (1)">
          1:1
        </button>
        <span className="zoom-sep" />
        <span className="zoom-readout" title="Image size / size on screen">
          {image.width} × {image.height} px
          {shown && (
            <span className="muted">
              {' '}
              · shown at {shown.width} × {shown.height}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}
