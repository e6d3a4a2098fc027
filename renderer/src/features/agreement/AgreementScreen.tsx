import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { isLead, useProfileStore } from '../people/profileStore';
import { roundsActions } from '../rounds/roundsStore';
import { agreementActions, useAgreementStore } from './agreementStore';
import { ClassF1Chart } from './ClassF1Chart';
import { countOf, leftOutText } from './chartMath';
import { ConfusionHeatmap } from './ConfusionHeatmap';
import { ItemCompareDialog } from './ItemCompareDialog';
import { ItemsDrawer } from './ItemsDrawer';
import { SummaryCards } from './SummaryCards';
import { TrendChart } from './TrendChart';
import './agreement.css';

function IouSlider() {
  const iou = useAgreementStore((s) => s.iou);
  const [draft, setDraft] = useState(iou);
  useEffect(() => setDraft(iou), [iou]);
  return (
    <label className="ag-iou">
      <span className="field-label">IoU ≥</span>
      <input
        type="range"
        min={0.1}
        max={0.95}
        step={0.05}
        value={draft}
        aria-label="IoU threshold"
        onChange={(e) => setDraft(Number(e.target.value))}
        // Recompute when the thumb is released (or a key changes it), not on every pixel.
        onPointerUp={() => draft !== iou && agreementActions.setIou(draft)}
        onKeyUp={() => draft !== iou && agreementActions.setIou(draft)}
      />
      <output className="ag-iou-value">{draft.toFixed(2)}</output>
    </label>
  );
}

/**
 * How consistent the labels are: per round (or over every double-labeled item), box F1 per
 * class worst first with 95% intervals, the class confusion between labelers, tag kappa /
 * alpha, and the trend across rounds. Every figure lists the items behind it.
 */
export function AgreementScreen() {
  const s = useAgreementStore();
  // Only leads click through to the items behind a figure (other people's labels).
  const lead = useProfileStore((p) => isLead(p.current));
  const [pairIndex, setPairIndex] = useState(0);
  useEffect(() => {
    void agreementActions.start(roundsActions.agreementRound());
  }, []);
  const view = s.view;
  const report = view?.report ?? null;
  const styles = new Map((view?.classes ?? s.trend?.classes ?? []).map((c) => [c.id, c]));
  const nameOf = (id: string) => styles.get(id)?.name ?? id;
  const colorOf = (id: string) => styles.get(id)?.color ?? '#8a93a5';
  const pair = report?.pairs[Math.min(pairIndex, (report?.pairs.length ?? 1) - 1)] ?? null;
  const pairFilter = report && report.pairs.length > 1 && pair ? { pair: pair.labelers } : {};
  const round = view?.round ?? null;
  // What the drawer lists, so the figure it came from stays marked (and nothing else).
  const drilled = s.drill?.filter ?? null;
  const drilledClass = drilled?.kind === 'classDisagreement' ? (drilled.classId ?? null) : null;
  const drilledCell =
    drilled?.kind === 'cell' ? { a: drilled.a ?? null, b: drilled.b ?? null } : null;
  return (
    <div className={`ag-screen ${s.drill ? 'with-drawer' : ''}`}>
      <div className="ag-main">
        <header className="screen-header ag-header">
          <h2>Agreement</h2>
          <select
            className="select"
            aria-label="Comparison"
            value={s.roundId ?? ''}
            onChange={(e) =>
              agreementActions.setRound(e.target.value === '' ? null : Number(e.target.value))
            }
          >
            {s.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                Round {r.name} ({r.status})
              </option>
            ))}
            <option value="">All double-labeled items</option>
          </select>
          <IouSlider />
          {report && report.pairs.length > 1 && (
            <select
              className="select"
              aria-label="Pair of labelers"
              value={pairIndex}
              onChange={(e) => setPairIndex(Number(e.target.value))}
            >
              {report.pairs.map((p, i) => (
                <option key={p.labelers.join('/')} value={i}>
                  {p.labelers.join(' vs ')}
                </option>
              ))}
            </select>
          )}
        </header>
        {report && (
          <p className="ag-scope muted">
            {round
              ? `Round ${round.name}${round.status === 'open' ? ' (open: hidden from labelers until closed)' : ''}`
              : 'Every item two or more people annotated'}
            {' · '}
            {report.labelers.join(' vs ')} · {countOf(report.items, 'item')} compared
            {round ? ` · instructions v${round.instructionsVersion}` : ''} · 95% bootstrap intervals
            from {report.bootstrap.samples} resamples
          </p>
        )}
        {s.view?.leftOut && (
          <p className="ag-left-out" role="note">
            {leftOutText(s.view.leftOut)}: {s.view.leftOut.items === 1 ? 'it is' : 'they are'} also
            in open round {s.view.leftOut.openRounds.join(', ')}, and other people&apos;s work on{' '}
            {s.view.leftOut.items === 1 ? 'it' : 'them'} stays hidden until that round closes.
          </p>
        )}
        {s.error && <ErrorNotice message={s.error} />}
        {s.loading && !report && <div className="ag-empty">Computing…</div>}
        {report && (
          <div className={`ag-body ${s.loading ? 'is-stale' : ''}`}>
            <SummaryCards
              report={report}
              selectedTitle={s.drill?.title ?? null}
              onDrill={
                lead
                  ? (title, filter) =>
                      void agreementActions.drill(title, { ...filter, ...pairFilter })
                  : undefined
              }
            />
            <section className="ag-panel" aria-label="F1 per class">
              <header className="ag-panel-head">
                <h3>F1 per class, worst first</h3>
                <span className="muted">
                  Bars: F1 · whiskers: 95% interval · n: items behind the figure.
                  {lead && ' Click a class for its disagreements.'}
                </span>
              </header>
              <ClassF1Chart
                rows={report.boxes.perClass}
                colorOf={colorOf}
                selectedId={drilledClass}
                onPick={
                  lead
                    ? (r) =>
                        void agreementActions.drill(`Disagreements on ${r.class}`, {
                          kind: 'classDisagreement',
                          classId: r.classId,
                          ...pairFilter,
                        })
                    : undefined
                }
              />
            </section>
            <div className="ag-row2">
              {pair && (
                <section className="ag-panel" aria-label="Class confusion">
                  <header className="ag-panel-head">
                    <h3>Class confusion</h3>
                    <span className="muted">
                      {pair.labelers[0]} (rows) vs {pair.labelers[1]} (columns)
                    </span>
                  </header>
                  <ConfusionHeatmap
                    confusion={pair.confusion}
                    labelers={pair.labelers}
                    nameOf={nameOf}
                    selected={drilledCell}
                    onPick={
                      lead
                        ? (a, b, label) =>
                            void agreementActions.drill(label, {
                              kind: 'cell',
                              a,
                              b,
                              pair: pair.labelers,
                            })
                        : undefined
                    }
                  />
                </section>
              )}
              <section className="ag-panel" aria-label="Trend">
                <header className="ag-panel-head">
                  <h3>Trend</h3>
                  <select
                    className="select select-sm"
                    aria-label="Trend across"
                    value={s.trendBy}
                    onChange={(e) =>
                      agreementActions.setTrendBy(e.target.value as 'round' | 'instructionsVersion')
                    }
                  >
                    <option value="round">across rounds</option>
                    <option value="instructionsVersion">across instruction versions</option>
                  </select>
                </header>
                {s.trendError && <ErrorNotice message={s.trendError} />}
                {s.trend && (
                  <>
                    <TrendChart
                      trend={s.trend}
                      selectedRoundId={s.roundId}
                      onPickPoint={(p) =>
                        p.roundId !== null && agreementActions.setRound(p.roundId)
                      }
                    />
                    {s.trend.points.some((p) => p.leftOut) && (
                      <p className="ag-left-out ag-left-out-trend muted" role="note">
                        {s.trend.points
                          .filter((p) => p.leftOut)
                          .map(
                            (p) =>
                              `${p.label}: ${leftOutText(p.leftOut!)} (also in open round ${p.leftOut!.openRounds.join(', ')})`,
                          )
                          .join(' · ')}
                      </p>
                    )}
                    {s.trend.insights.length > 0 && (
                      <ul className="ag-insights">
                        {s.trend.insights.map((t) => (
                          <li key={t}>{t}</li>
                        ))}
                      </ul>
                    )}
                  </>
                )}
              </section>
            </div>
          </div>
        )}
      </div>
      {s.drill && (
        <ItemsDrawer
          drill={s.drill}
          onOpen={(id) => void agreementActions.openItem(id)}
          onClose={agreementActions.closeDrill}
        />
      )}
      {s.detailError && (
        <div className="ag-detail-error">
          <ErrorNotice message={s.detailError} onDismiss={agreementActions.closeItem} />
        </div>
      )}
      {s.detail && <ItemCompareDialog detail={s.detail} onClose={agreementActions.closeItem} />}
    </div>
  );
}
