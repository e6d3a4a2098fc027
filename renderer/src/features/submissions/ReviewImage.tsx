import { useLayoutEffect, useRef, useState } from 'react';
import type { WorkItem } from '../../../../shared/api/schemas/workOverview';
import { api } from '../../api/client';

/**
 * One labeler's boxes on the image, read-only. An SVG in image pixel coordinates (the
 * displayed, EXIF-oriented image, as the documents store them), like the agreement compare
 * view; strokes and labels are sized from the measured scale so they stay ~2 px and ~12 px
 * on screen whatever the image's resolution.
 */
export function ReviewImage({
  item,
  colorOf,
  nameOf,
}: {
  item: WorkItem;
  colorOf: (id: string) => string;
  nameOf: (id: string) => string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setBox({ width: el.clientWidth, height: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);
  const w = item.width ?? 1;
  const h = item.height ?? 1;
  const scale = box.width > 0 && box.height > 0 ? Math.min(box.width / w, box.height / h) : 1;
  const stroke = 2 / scale;
  const font = 12 / scale;
  return (
    <div ref={frame} className="sub-image" data-testid="review-image">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-label={`${item.labelerName}'s boxes on ${item.relPath}`}
      >
        <image href={api.assetUrl(item.assetId, 'display')} x={0} y={0} width={w} height={h} />
        {item.doc.boxes.map((b) => {
          const color = colorOf(b.classId);
          const label = `${nameOf(b.classId)}${b.uncertain ? ' ?' : ''}`;
          // Labels sit above the box, or inside its top when the box touches the top edge.
          const above = b.y >= font * 1.5;
          return (
            <g key={b.id} data-testid="review-box">
              <rect
                x={b.x}
                y={b.y}
                width={b.w}
                height={b.h}
                fill={color}
                fillOpacity={0.08}
                stroke={color}
                strokeWidth={stroke}
                strokeDasharray={b.uncertain ? `${stroke * 3} ${stroke * 2}` : undefined}
              />
              <rect
                x={b.x - stroke / 2}
                y={above ? b.y - font * 1.45 : b.y}
                width={label.length * font * 0.62 + font * 0.8}
                height={font * 1.45}
                fill={color}
              />
              <text
                x={b.x + font * 0.4}
                y={(above ? b.y - font * 1.45 : b.y) + font * 1.08}
                fontSize={font}
                fill="#fff"
                fontWeight={600}
              >
                {label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
