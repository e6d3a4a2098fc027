import { useEffect, useState } from 'react';
import type { Peaks } from '../../lib/peaks';
import { resamplePeaks } from '../../lib/peaks';
import { loadPeaks } from '../../lib/peaksLoader';

const BARS = 48;

/** A tile-sized waveform from the asset's cached peaks; a neutral wave until they load. */
export function MiniWaveform({ id }: { id: number }) {
  const [peaks, setPeaks] = useState<Peaks | null>(null);
  useEffect(() => {
    let live = true;
    void loadPeaks(id).then((p) => live && setPeaks(p));
    return () => {
      live = false;
    };
  }, [id]);
  const bars = peaks && peaks.min.length > 0 ? resamplePeaks(peaks, BARS) : null;
  return (
    <svg
      className="mini-wave"
      viewBox={`0 0 ${BARS * 4} 100`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {Array.from({ length: BARS }, (_, i) => {
        // Placeholder shape: a soft envelope, so loading tiles still read as "audio".
        const amp = bars
          ? Math.max(0.02, (bars.max[i]! - bars.min[i]!) / 2)
          : 0.15 + 0.25 * Math.abs(Math.sin(i * 0.55)) * Math.sin((Math.PI * i) / BARS);
        const h = Math.min(96, amp * 96);
        return (
          <rect
            key={i}
            x={i * 4 + 0.8}
            y={50 - h / 2}
            width={2.4}
            height={Math.max(1.5, h)}
            rx={1}
          />
        );
      })}
    </svg>
  );
}
