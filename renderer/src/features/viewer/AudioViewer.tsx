import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { Asset } from '../../../../shared/api/schemas/assets';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import { formatDuration } from '../../lib/format';
import type { Peaks } from '../../lib/peaks';
import { loadPeaks } from '../../lib/peaksLoader';
import { drawWaveform } from './waveformCanvas';

const colors = { played: '#4353d6', unplayed: '#aab2e8', playhead: '#e5484d', axis: '#d9dcea' };

/** An audio player over the 'original' file with a waveform from cached peaks; click to seek. */
export function AudioViewer({ asset }: { asset: Asset }) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [peaks, setPeaks] = useState<Peaks | null | 'loading'>('loading');
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(asset.durationSec ?? 0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setPeaks('loading');
    setTime(0);
    setPlaying(false);
    setError(null);
    setDuration(asset.durationSec ?? 0);
    void loadPeaks(asset.id).then((p) => live && setPeaks(p));
    return () => {
      live = false;
    };
  }, [asset.id, asset.durationSec]);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const audio = audioRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * dpr);
    const h = Math.round(canvas.clientHeight * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const d = audio && Number.isFinite(audio.duration) ? audio.duration : duration;
    const t = audio?.currentTime ?? 0;
    drawWaveform(canvas, peaks === 'loading' ? null : peaks, d > 0 ? t / d : 0, colors);
  }, [peaks, duration]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ro = new ResizeObserver(redraw);
    ro.observe(canvas);
    redraw();
    return () => ro.disconnect();
  }, [redraw]);

  // While playing, follow the playhead every frame; timeupdate alone is too coarse (~4 Hz).
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      setTime(audioRef.current?.currentTime ?? 0);
      redraw();
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, redraw]);

  const toggle = useCallback(() => {
    const a = audioRef.current;
    if (!a) return;
    if (a.paused) a.play().catch((e: Error) => setError(`Cannot play this file: ${e.message}`));
    else a.pause();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.key !== ' ' ||
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLButtonElement
      )
        return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);

  const seek = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    const a = audioRef.current;
    const d = a && Number.isFinite(a.duration) ? a.duration : duration;
    if (!a || d <= 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    a.currentTime = Math.max(0, Math.min(d, ((e.clientX - r.left) / r.width) * d));
    setTime(a.currentTime);
    redraw();
  };

  return (
    <div className="audio-viewer">
      <div className="audio-card">
        <div className="audio-head">
          <button
            className="audio-play"
            onClick={toggle}
            aria-label={playing ? 'Pause' : 'Play'}
            title={playing ? 'Pause (Space)' : 'Play (Space)'}
            data-autofocus
          >
            <Icon name={playing ? 'pause' : 'play'} size={22} />
          </button>
          <div className="audio-title">
            <div className="audio-name">{asset.fileName}</div>
            <div className="audio-time" data-testid="audio-time">
              {formatDuration(time, true)} / {formatDuration(duration, true)}
            </div>
          </div>
        </div>
        <canvas
          ref={canvasRef}
          className="audio-wave"
          data-testid="waveform"
          onClick={seek}
          aria-label="Waveform: click to move the playhead"
        />
        {peaks === null && (
          <div className="muted audio-note">
            The waveform is not available yet; the audio still plays.
          </div>
        )}
        {error && <div className="audio-error">{error}</div>}
        <audio
          ref={audioRef}
          src={api.assetUrl(asset.id, 'original')}
          preload="metadata"
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => {
            setPlaying(false);
            redraw();
          }}
          onLoadedMetadata={(e) =>
            Number.isFinite(e.currentTarget.duration) && setDuration(e.currentTarget.duration)
          }
          onTimeUpdate={(e) => !playing && setTime(e.currentTarget.currentTime)}
          onError={() =>
            setError(
              'This audio file could not be loaded. The file may have moved or the browser cannot decode it.',
            )
          }
        />
      </div>
    </div>
  );
}
