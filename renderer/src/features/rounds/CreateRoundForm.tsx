import { useEffect, useMemo, useState } from 'react';
import type { ProfileDetails } from '../../../../shared/api/schemas/identity';
import type { InstructionVersionSummary } from '../../../../shared/api/schemas/instructions';
import type { RoundPreview, StratifySpec } from '../../../../shared/api/schemas/rounds';
import type { MetadataFacet } from '../../../../shared/api/schemas/assets';
import { api, ApiCallError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { canLabelBlind, LabelerPicker } from './LabelerPicker';
import { describeStrata, parseSize } from './roundFormat';

const message = (e: unknown) =>
  e instanceof ApiCallError || e instanceof Error ? e.message : String(e);
const randomSeed = () => Math.floor(Math.random() * 1_000_000);

/** The "stratify" select's value: 'none', 'class:any', 'class:accepted' or 'meta:<field>'. */
function toStratify(value: string): StratifySpec {
  if (value.startsWith('meta:')) return { by: 'metadata', field: value.slice(5) };
  if (value === 'class:any' || value === 'class:accepted')
    return { by: 'class', source: value === 'class:any' ? 'any' : 'accepted' };
  return { by: 'none' };
}

interface Choices {
  people: ProfileDetails[];
  facets: MetadataFacet[];
  versions: InstructionVersionSummary[];
  kinds: { image: number; audio: number };
}

/** The lead's form for drawing a round, with a live preview of the sample it would draw. */
export function CreateRoundForm({
  onCreated,
  onCancel,
}: {
  onCreated: (name: string) => void;
  onCancel: () => void;
}) {
  const [choices, setChoices] = useState<Choices | null>(null);
  const [labelerIds, setLabelerIds] = useState<number[]>([]);
  const [mode, setMode] = useState<'count' | 'fraction'>('count');
  const [sizeText, setSizeText] = useState('20');
  const [stratify, setStratify] = useState('none');
  // Images by default (as `concord round create`): one editor per round, and the size
  // means what it says. Set once the project's kinds are known.
  const [kind, setKind] = useState<'' | 'image' | 'audio'>('image');
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [showSuggestions, setShowSuggestions] = useState(false);
  const [version, setVersion] = useState<number | null>(null);
  const [preview, setPreview] = useState<RoundPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.invoke('profiles:list', {}),
      api.invoke('assets:facets', {}),
      api.invoke('instructions:versions', {}),
      api.invoke('assets:list', { kind: 'image', limit: 1 }),
      api.invoke('assets:list', { kind: 'audio', limit: 1 }),
    ])
      .then(([people, facets, versions, images, audio]) => {
        if (!live) return;
        const kinds = { image: images.total, audio: audio.total };
        setChoices({ people, facets, versions, kinds });
        setVersion(versions[0]?.version ?? null);
        setKind(kinds.image > 0 ? 'image' : 'audio');
        // Preselect the labelers when there are exactly two who can take part: the common case.
        const labelers = people.filter((p) => p.role === 'labeler');
        if (labelers.length === 2 && labelers.every(canLabelBlind))
          setLabelerIds(labelers.map((p) => p.id));
      })
      .catch((e: unknown) => live && setError(message(e)));
    return () => {
      live = false;
    };
  }, []);

  const parsedSize = parseSize(mode, sizeText);
  const seedNumber = Number(seed);
  const seedOk =
    seed.trim() !== '' && Number.isInteger(seedNumber) && seedNumber >= 0 && seedNumber < 2 ** 31;
  const draft = useMemo(
    () =>
      // Wait for the project's kinds: the default kind depends on them.
      choices !== null && 'size' in parsedSize && seedOk
        ? {
            labelerIds,
            size: parsedSize.size,
            stratify: toStratify(stratify),
            ...(kind ? { kind } : {}),
            seed: seedNumber,
            showSuggestions,
            ...(version !== null ? { instructionsVersion: version } : {}),
          }
        : null,
    // parsedSize is derived from mode and sizeText.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      choices,
      labelerIds,
      mode,
      sizeText,
      stratify,
      kind,
      seedNumber,
      seedOk,
      showSuggestions,
      version,
    ],
  );

  useEffect(() => {
    if (!draft) {
      setPreview(null);
      return;
    }
    let live = true;
    // The preview needs no labelers: it shows the sample before they are picked.
    const t = setTimeout(() => {
      const { labelerIds: _ids, ...sampling } = draft;
      api
        .invoke('rounds:preview', sampling)
        .then((p) => live && (setPreview(p), setPreviewError(null)))
        .catch((e: unknown) => live && (setPreview(null), setPreviewError(message(e))));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [draft]);

  const toggle = (id: number) =>
    setLabelerIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const ready = draft !== null && labelerIds.length >= 2 && !busy;
  const sizeError = 'error' in parsedSize ? parsedSize.error : null;

  return (
    <form
      className="round-form"
      aria-label="New round"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!draft) return;
        setBusy(true);
        setError(null);
        try {
          const round = await api.invoke('rounds:create', draft);
          onCreated(round.name);
        } catch (err) {
          setError(message(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <LabelerPicker people={choices?.people ?? null} chosen={labelerIds} onToggle={toggle} />

      <div className="round-form-grid">
        <div className="field">
          <span className="field-label">Sample size</span>
          <div className="round-size">
            <input
              className="input"
              aria-label={mode === 'count' ? 'Number of items' : 'Percentage of the assets'}
              inputMode="decimal"
              value={sizeText}
              onChange={(e) => setSizeText(e.target.value)}
            />
            <select
              className="select"
              aria-label="Size unit"
              value={mode}
              onChange={(e) => setMode(e.target.value as 'count' | 'fraction')}
            >
              <option value="count">items</option>
              <option value="fraction">% of assets</option>
            </select>
          </div>
          {sizeError && <span className="field-hint field-hint-error">{sizeError}</span>}
        </div>
        <label className="field">
          <span className="field-label">Draw</span>
          <select className="select" value={stratify} onChange={(e) => setStratify(e.target.value)}>
            <option value="none">At random</option>
            {choices?.facets.map((f) => (
              <option key={f.name} value={`meta:${f.name}`}>
                Stratified by {f.name} ({f.values.length} values)
              </option>
            ))}
            <option value="class:any">Stratified by existing class</option>
            <option value="class:accepted">Stratified by accepted class</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Assets</span>
          <select
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as '' | 'image' | 'audio')}
          >
            <option value="image">Images only{choices ? ` (${choices.kinds.image})` : ''}</option>
            <option value="audio">Audio only{choices ? ` (${choices.kinds.audio})` : ''}</option>
            <option value="">
              Images and audio{choices ? ` (${choices.kinds.image + choices.kinds.audio})` : ''}
            </option>
          </select>
        </label>
        <div className="field">
          <span className="field-label">Seed</span>
          <div className="round-size">
            <input
              className="input"
              aria-label="Seed"
              inputMode="numeric"
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
            />
            <button type="button" className="btn" onClick={() => setSeed(String(randomSeed()))}>
              New
            </button>
          </div>
          {!seedOk && (
            <span className="field-hint field-hint-error">A whole number from 0 to 2147483647</span>
          )}
        </div>
        <label className="field">
          <span className="field-label">Instructions version</span>
          <select
            className="select"
            value={version ?? ''}
            onChange={(e) => setVersion(Number(e.target.value))}
          >
            {choices?.versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.note ? ` — ${v.note.slice(0, 40)}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="round-toggle">
          <input
            type="checkbox"
            checked={showSuggestions}
            onChange={(e) => setShowSuggestions(e.target.checked)}
          />
          <span>
            Show pre-label suggestions
            <span className="field-hint"> Off by default: suggestions anchor labelers.</span>
          </span>
        </label>
      </div>

      <div className="round-preview" aria-live="polite">
        {preview ? (
          <>
            <strong>
              {preview.items} of {preview.candidates}{' '}
              {kind === 'image' ? 'images' : kind === 'audio' ? 'audio clips' : 'assets'}
            </strong>{' '}
            will be labeled by each chosen labeler, without seeing each other.
            {preview.strata.length > 1 && (
              <div className="muted">
                {describeStrata(
                  preview.strata,
                  stratify.startsWith('meta:') ? stratify.slice(5) : null,
                )}
              </div>
            )}
          </>
        ) : (
          <span className="muted">{previewError ?? 'Drawing a preview…'}</span>
        )}
      </div>
      {error && <ErrorNotice message={error} onDismiss={() => setError(null)} />}
      <div className="round-form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={!ready}>
          Create round
        </button>
      </div>
    </form>
  );
}
