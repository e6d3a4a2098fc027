import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import type { ClassExample } from '../../../../shared/api/schemas/instructionSpec';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';

type Box = NonNullable<ClassExample['box']>;

/** Drag on the image to highlight the region the example is about (in displayed pixels). */
function BoxPicker({
  asset,
  box,
  color,
  onChange,
}: {
  asset: Asset;
  box: Box | null;
  color: string;
  onChange: (b: Box | null) => void;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const W = asset.width ?? 1;
  const H = asset.height ?? 1;
  const toImage = (e: ReactPointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    return {
      x: Math.min(W, Math.max(0, ((e.clientX - r.left) / r.width) * W)),
      y: Math.min(H, Math.max(0, ((e.clientY - r.top) / r.height) * H)),
    };
  };
  const round = (n: number) => Math.round(n);
  return (
    <svg
      ref={ref}
      className="box-picker"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Drag to highlight a region"
      onPointerDown={(e) => {
        (e.target as Element).setPointerCapture?.(e.pointerId);
        start.current = toImage(e);
        onChange(null);
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const p = toImage(e);
        const s = start.current;
        onChange({
          x: round(Math.min(s.x, p.x)),
          y: round(Math.min(s.y, p.y)),
          w: round(Math.abs(p.x - s.x)),
          h: round(Math.abs(p.y - s.y)),
        });
      }}
      onPointerUp={() => {
        start.current = null;
        if (box && (box.w < 2 || box.h < 2)) onChange(null);
      }}
    >
      <image
        href={api.assetUrl(asset.id, 'display')}
        width={W}
        height={H}
        preserveAspectRatio="none"
      />
      {box && (
        <rect
          x={box.x}
          y={box.y}
          width={box.w}
          height={box.h}
          fill={`${color}22`}
          stroke={color}
          strokeWidth={Math.max(W, H) / 200}
        />
      )}
    </svg>
  );
}

/** Pick an asset of the project as an example, optionally highlight a box and add a note. */
export function ExamplePickerDialog({
  color,
  onPick,
  onClose,
}: {
  color: string;
  onPick: (e: ClassExample) => void;
  onClose: () => void;
}) {
  const [search, setSearch] = useState('');
  const [assets, setAssets] = useState<Asset[]>([]);
  const [total, setTotal] = useState(0);
  const [chosen, setChosen] = useState<Asset | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void api
        .invoke('assets:list', { kind: 'image', search: search || undefined, limit: 120 })
        .then((page) => {
          if (!live) return;
          setAssets(page.items);
          setTotal(page.total);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [search]);
  return (
    <Dialog
      title={chosen ? `Example: ${chosen.fileName}` : 'Choose an example image'}
      onClose={onClose}
      width={820}
      footer={
        chosen ? (
          <>
            <button className="btn btn-ghost" onClick={() => setChosen(null)}>
              Back to the list
            </button>
            <span className="spacer" />
            <button
              className="btn btn-primary"
              onClick={() =>
                onPick({
                  assetId: chosen.id,
                  ...(box ? { box } : {}),
                  ...(note.trim() ? { note: note.trim() } : {}),
                })
              }
            >
              Add example
            </button>
          </>
        ) : undefined
      }
    >
      {chosen ? (
        <div className="example-pick">
          <BoxPicker asset={chosen} box={box} color={color} onChange={setBox} />
          <div className="example-pick-side">
            <p className="muted">Drag on the image to highlight the defect (optional).</p>
            {box && (
              <p className="mono">
                x {box.x}, y {box.y}, {box.w}×{box.h}{' '}
                <button className="btn btn-ghost btn-sm" onClick={() => setBox(null)}>
                  Clear
                </button>
              </p>
            )}
            <label className="field">
              <span className="field-label">Note</span>
              <textarea
                className="input example-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="What makes this a good example?"
              />
            </label>
          </div>
        </div>
      ) : (
        <div className="example-list">
          <div className="example-search">
            <Icon name="search" />
            <input
              className="input"
              autoFocus
              placeholder="Search by path"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <span className="muted">{total.toLocaleString('en-US')} images</span>
          </div>
          <div className="example-grid">
            {assets.map((a) => (
              <button
                key={a.id}
                className="example-grid-item"
                onClick={() => setChosen(a)}
                title={a.relPath}
              >
                <img src={api.assetUrl(a.id, 'thumb')} alt="" loading="lazy" />
                <span>{a.fileName}</span>
              </button>
            ))}
            {assets.length === 0 && <p className="muted">No images match.</p>}
          </div>
        </div>
      )}
    </Dialog>
  );
}
