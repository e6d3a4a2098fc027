import { useEffect, useState } from 'react';
import type { AssetKind } from '../../../../shared/api/schemas/assets';
import { Icon } from '../../components/Icon';
import { assetActions, useAssetsStore } from '../../stores/assetsStore';
import { useProjectStore } from '../../stores/projectStore';

const kinds: Array<{ id: AssetKind | null; label: string }> = [
  { id: null, label: 'All' },
  { id: 'image', label: 'Images' },
  { id: 'audio', label: 'Audio' },
];

/** Kind, path search and one select per metadata field (from assets:facets). */
export function AssetFilters() {
  const kind = useAssetsStore((s) => s.filter.kind);
  const metadata = useAssetsStore((s) => s.filter.metadata);
  const search = useAssetsStore((s) => s.filter.search);
  const facets = useProjectStore((s) => s.facets);
  const [text, setText] = useState(search);

  // Typing filters after a short pause, not on every key (each change re-queries the list).
  useEffect(() => {
    if (text === search) return;
    const t = setTimeout(() => void assetActions.setFilter({ search: text }), 250);
    return () => clearTimeout(t);
  }, [text, search]);

  const active = kind !== null || search !== '' || Object.keys(metadata).length > 0;

  return (
    <div className="filters" role="search">
      <div className="kind-toggle" role="radiogroup" aria-label="Kind">
        {kinds.map((k) => (
          <button
            key={k.label}
            role="radio"
            aria-checked={kind === k.id}
            className={`kind-toggle-btn ${kind === k.id ? 'is-on' : ''}`}
            onClick={() => void assetActions.setFilter({ kind: k.id })}
          >
            {k.label}
          </button>
        ))}
      </div>
      <label className="search-box">
        <Icon name="search" className="search-icon" />
        <input
          className="input search-input"
          type="search"
          placeholder="Search by path"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Search by path"
        />
      </label>
      {facets.map((f) => (
        <label key={f.name} className={`facet ${metadata[f.name] !== undefined ? 'is-set' : ''}`}>
          <span className="facet-name">{f.name}</span>
          <select
            className="select facet-select"
            aria-label={`Filter by ${f.name}`}
            value={metadata[f.name] ?? ''}
            onChange={(e) =>
              void assetActions.setMetadataFilter(
                f.name,
                e.target.value === '' ? null : e.target.value,
              )
            }
          >
            <option value="">Any</option>
            {f.values.map((v) => (
              <option key={v.value} value={v.value}>
                {v.value} ({v.count})
              </option>
            ))}
          </select>
        </label>
      ))}
      {active && (
        <button
          className="btn btn-ghost btn-sm"
          onClick={() => {
            setText('');
            void assetActions.reload({ kind: null, metadata: {}, search: '' });
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
