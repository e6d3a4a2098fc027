// Media worker: hashing, probing, thumbnails/display images and audio peaks, off the main
// thread. Bundled as dist/main/workers/media.cjs; driven by mediaClient.ts.
import { parentPort } from 'node:worker_threads';
import type { MediaOps, MediaRequest, MediaResponse } from './mediaProtocol';
import { computePeaks } from './peaks';
import { probeFile } from './probeFile';
import { renderImage } from './renderImage';

type Output<K extends keyof MediaOps> = Promise<MediaOps[K]['output']>;

function handle(req: MediaRequest): Output<MediaRequest['op']> {
  switch (req.op) {
    case 'probe':
      return probeFile(req.input);
    case 'render':
      return renderImage(req.input);
    case 'peaks':
      return computePeaks(req.input);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (req: MediaRequest) => {
    handle(req).then(
      (value) => port.postMessage({ id: req.id, ok: true, value } satisfies MediaResponse),
      (e: unknown) =>
        port.postMessage({
          id: req.id,
          ok: false,
          error: e instanceof Error ? e.message : String(e),
        } satisfies MediaResponse),
    );
  });
}
