import { useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import type { QueueItem } from '../../../../shared/api/schemas/annotations';
import { api, ApiCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AudioViewer } from '../viewer/AudioViewer';

/**
 * An audio item opened from the queue. Audio is labeled in a transcript editor, which this
 * version does not have: the clip can be listened to here, and the dialog says so plainly
 * rather than opening the box editor (which would show some other, image, item).
 */
export function AudioItemDialog({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const [asset, setAsset] = useState<Asset | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .invoke('assets:get', { id: item.assetId })
      .then((a) => live && setAsset(a))
      .catch(
        (e: unknown) =>
          live && setError(e instanceof ApiCallError || e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [item.assetId]);
  // The dialog opens on a row's first click, so a double-click's second press lands in here:
  // on text it would select a word, on the backdrop it would close the dialog. Ignore it.
  useEffect(() => {
    const openedAt = performance.now();
    const onDown = (e: MouseEvent) => {
      if (e.detail < 2 || performance.now() - openedAt > 1000) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('mousedown', onDown, true);
    return () => window.removeEventListener('mousedown', onDown, true);
  }, []);
  return (
    <Dialog
      title={item.fileName}
      onClose={onClose}
      width={720}
      className="queue-audio-dialog"
      footer={
        <button className="btn" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <p className="queue-audio-note" role="note" data-testid="transcript-unavailable">
        <strong>Transcript editor: not available in this version.</strong> Audio items are labeled
        in a transcript editor, which a later version adds. You can listen to the clip here.
      </p>
      <p className="muted queue-path">{item.relPath}</p>
      {error && <ErrorNotice message={error} />}
      <div className="queue-audio-player">{asset && <AudioViewer asset={asset} />}</div>
    </Dialog>
  );
}
