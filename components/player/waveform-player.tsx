'use client';
// Recording player: wavesurfer.js draws the waveform over OUR <audio> element (so the page, tests and
// assistive tech see a real media element). The waveform needs the bytes (fetch → needs CORS on the
// bucket); if that fails, or the file is too big to decode in a browser tab, the element streams the
// presigned URL directly (no CORS needed) and the player says the waveform is unavailable.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMediaState } from '@/components/player/use-media-state';
import { formatDuration } from '@/components/ui/format';

/** Above this the waveform is skipped: decoding needs the whole file in memory. */
export const WAVEFORM_MAX_BYTES = 64 * 1024 * 1024;
const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];
const SEEK_STEP = 5;

type TWaveSurfer = { destroy(): void; load(url: string): Promise<void> };

/** Owns the <audio> and waveform container refs so the effect may set the element's source. */
function useWaveform(url: string, sizeBytes: string | null) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  useEffect(() => {
    let ws: TWaveSurfer | null = null;
    let cancelled = false;
    const media = audioRef.current;
    const container = boxRef.current;
    if (!media || !container) return;
    const streamOnly = () => {
      if (cancelled) return;
      setStatus('unavailable');
      media.src = url;
    };
    if (sizeBytes !== null && Number(sizeBytes) > WAVEFORM_MAX_BYTES) {
      streamOnly();
      return;
    }
    void import('wavesurfer.js').then(({ default: WaveSurfer }) => {
      if (cancelled) return;
      ws = WaveSurfer.create({ container, media, height: 96, waveColor: '#7b8794', progressColor: '#0b5cad', cursorColor: '#1a1d21', normalize: true, dragToSeek: true });
      ws.load(url).then(() => !cancelled && setStatus('ready'), streamOnly);
    });
    return () => {
      cancelled = true;
      ws?.destroy();
    };
  }, [url, sizeBytes]);
  return { audioRef, boxRef, status };
}

function isInteractive(target: EventTarget): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'A'].includes(target.tagName);
}

export function WaveformPlayer({ url, sizeBytes, label }: { url: string; sizeBytes: string | null; label: string }) {
  const { audioRef, boxRef, status: waveform } = useWaveform(url, sizeBytes);
  const media = useMediaState(audioRef);
  const el = () => audioRef.current;
  const toggle = () => {
    const a = el();
    if (a) void (a.paused ? a.play().catch(() => undefined) : a.pause());
  };
  const seekBy = (delta: number) => {
    const a = el();
    if (a) a.currentTime = Math.min(Math.max(0, a.currentTime + delta), a.duration || 0);
  };
  const stepRate = (dir: 1 | -1) => {
    const a = el();
    if (!a) return;
    const i = RATES.indexOf(a.playbackRate);
    a.playbackRate = RATES[Math.min(Math.max(0, (i < 0 ? 2 : i) + dir), RATES.length - 1)] ?? 1;
  };
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (isInteractive(e.target) && e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    if (e.target instanceof HTMLInputElement) return; // the range input handles its own arrows
    const actions: Record<string, () => void> = { ' ': toggle, ArrowLeft: () => seekBy(-SEEK_STEP), ArrowRight: () => seekBy(SEEK_STEP), '+': () => stepRate(1), '=': () => stepRate(1), '-': () => stepRate(-1) };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  return (
    <div className="player" role="region" aria-label={`Player: ${label}`} tabIndex={0} onKeyDown={onKeyDown} data-testid="player">
      <div ref={boxRef} className="waveform" data-testid="waveform" aria-hidden="true" />
      {waveform === 'unavailable' ? <p className="hint">Waveform unavailable (storage does not allow this origin to read the file); audio streams directly.</p> : null}
      {waveform === 'loading' ? <p className="hint" role="status">Loading audio…</p> : null}
      <audio ref={audioRef} preload="auto" data-testid="playback-audio" aria-label={label} />
      <div className="player-controls">
        <button type="button" className="btn btn-primary" onClick={toggle} aria-label={media.playing ? 'Pause' : 'Play'}>
          {media.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="btn" onClick={() => seekBy(-SEEK_STEP)} aria-label={`Back ${SEEK_STEP} seconds`}>
          −{SEEK_STEP}s
        </button>
        <button type="button" className="btn" onClick={() => seekBy(SEEK_STEP)} aria-label={`Forward ${SEEK_STEP} seconds`}>
          +{SEEK_STEP}s
        </button>
        <label className="sr-only" htmlFor="player-seek">
          Position
        </label>
        <input id="player-seek" type="range" min={0} max={media.duration || 0} step={0.1} value={media.current} onChange={(e) => { const a = el(); if (a) a.currentTime = Number(e.target.value); }} aria-valuetext={`${formatDuration(media.current)} of ${formatDuration(media.duration)}`} />
        <span className="player-time" aria-live="off" data-testid="player-time">
          {formatDuration(media.current)} / {formatDuration(media.duration)}
        </span>
        <label htmlFor="player-rate">Speed</label>
        <select id="player-rate" value={media.rate} onChange={(e) => { const a = el(); if (a) a.playbackRate = Number(e.target.value); }}>
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </div>
      {media.error ? <p className="error" role="alert">{media.error}</p> : null}
      <p className="hint">Keys (with the player focused): Space play/pause · ← → seek {SEEK_STEP}s · + / − speed</p>
    </div>
  );
}
