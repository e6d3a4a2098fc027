import type { AgreementItemDetail } from '../../../../shared/api/schemas/agreementChannels';
import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { fmt } from './chartMath';

function ImagePanel({
  detail,
  doc,
  colorOf,
  nameOf,
}: {
  detail: AgreementItemDetail;
  doc: AnnotationDoc | null;
  colorOf: (id: string) => string;
  nameOf: (id: string) => string;
}) {
  const w = detail.width ?? 1;
  const h = detail.height ?? 1;
  // Stroke stays ~2 screen pixels whatever the image size (the panel is ~420 px wide).
  const stroke = Math.max(1, w / 210);
  return (
    <svg className="ag-compare-image" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="xMidYMid meet">
      <image href={api.assetUrl(detail.assetId, 'display')} x={0} y={0} width={w} height={h} />
      {doc?.boxes.map((b) => (
        <rect
          key={b.id}
          x={b.x}
          y={b.y}
          width={b.w}
          height={b.h}
          fill="none"
          stroke={colorOf(b.classId)}
          strokeWidth={stroke}
        >
          <title>{nameOf(b.classId)}</title>
        </rect>
      ))}
    </svg>
  );
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function docSummary(
  doc: AnnotationDoc | null,
  nameOf: (id: string) => string,
  tagName: (id: string) => string,
): string {
  if (!doc) return 'not annotated';
  const counts = new Map<string, number>();
  for (const b of doc.boxes)
    counts.set(nameOf(b.classId), (counts.get(nameOf(b.classId)) ?? 0) + 1);
  const boxes = [...counts].map(([n, c]) => `${c} ${n}`).join(', ');
  const parts = [boxes || (doc.noDefects ? 'no defects' : 'no boxes')];
  if (doc.tags.length) parts.push(`tags: ${doc.tags.map(tagName).join(', ')}`);
  if (doc.segments.length) parts.push(`${doc.segments.length} segments`);
  return parts.join(' · ');
}

/** Every labeler's annotation of one item, side by side, with the item's comparison. */
export function ItemCompareDialog({
  detail,
  onClose,
}: {
  detail: AgreementItemDetail;
  onClose: () => void;
}) {
  const styles = new Map(detail.classes.map((c) => [c.id, c]));
  const colorOf = (id: string) => styles.get(id)?.color ?? '#ff00aa';
  const nameOf = (id: string) => styles.get(id)?.name ?? id;
  const tags = new Map(detail.tags.map((t) => [t.id, t.name]));
  const tagName = (id: string) => tags.get(id) ?? id;
  const legend = [
    ...new Set(detail.annotations.flatMap((a) => a.doc?.boxes.map((b) => b.classId) ?? [])),
  ];
  return (
    <Dialog
      title={detail.relPath}
      onClose={onClose}
      width={Math.min(1200, 80 + detail.annotations.length * 440)}
      className="ag-compare"
    >
      <div className="ag-compare-panels">
        {detail.annotations.map((a) => (
          <figure key={a.labeler} className="ag-compare-panel">
            <figcaption>
              <strong>{a.labeler}</strong>{' '}
              <span className="muted">{docSummary(a.doc, nameOf, tagName)}</span>
            </figcaption>
            {detail.kind === 'image' ? (
              <ImagePanel detail={detail} doc={a.doc} colorOf={colorOf} nameOf={nameOf} />
            ) : (
              <ol className="ag-compare-segments">
                {a.doc?.segments.map((s) => (
                  <li key={s.id}>
                    <span className="muted">
                      {s.start.toFixed(2)}–{s.end.toFixed(2)} s
                    </span>{' '}
                    {s.text}
                  </li>
                ))}
              </ol>
            )}
          </figure>
        ))}
      </div>
      {legend.length > 0 && (
        <div className="ag-compare-legend">
          {legend.map((id) => (
            <span key={id} className="ag-legend-item">
              <span className="ag-swatch" style={{ background: colorOf(id) }} />
              {nameOf(id)}
            </span>
          ))}
        </div>
      )}
      {detail.pairs?.map((p) => (
        <p key={p.labelers.join('/')} className="ag-compare-pair">
          <strong>{p.labelers.join(' vs ')}:</strong>{' '}
          {p.fullAgreement
            ? 'full agreement'
            : `${count(p.agreements, 'agreement')}, ${count(p.classConflicts, 'class conflict')}, ${p.onlyA} only-${p.labelers[0]}, ${p.onlyB} only-${p.labelers[1]}`}
          {p.meanIoU !== null && ` · mean IoU ${fmt(p.meanIoU)}`}
          {p.tagsAgree === false && ' · tags differ'}
          {p.transcript && p.transcript.wer !== null && ` · WER ${fmt(p.transcript.wer)}`}
        </p>
      ))}
    </Dialog>
  );
}
