'use client';
// Recording player: wavesurfer.js draws the waveform over OUR <audio> element (so the page, tests and
// assistive tech see a real media element). The waveform comes from the peaks stored at archive time, so it
// renders at once, before playback and whatever the file size; dual-channel recordings get one labelled lane
// per channel. Without stored peaks the browser decodes the file as before (needs CORS on the bucket, and
// the whole file in memory, so only up to WAVEFORM_MAX_BYTES); otherwise the audio streams without a waveform.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMediaState } from '@/components/player/use-media-state';
import { formatDuration } from '@/components/ui/format';
import { peaksByChannel, type TPeaks } from '@/lib/media/peaks-format';
import { laneLabels } from '@/lib/media/peaks-lanes';

/** Above this the browser does not decode a file without stored peaks: it would need the whole file in memory. */
export const WAVEFORM_MAX_BYTES = 64 * 1024 * 1024;
const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];
const SEEK_STEP = 5;
const MONO_HEIGHT = 96;
const LANE_HEIGHT = 64;
const COLORS = { waveColor: '#7b8794', progressColor: '#0b5cad', cursorColor: '#1a1d21' };

type TWaveSurfer = { destroy(): void; load(url: string): Promise<void>; on(event: 'ready', fn: () => void): void };
type TStatus = 'loading' | 'ready' | 'decoded' | 'missing' | 'unavailable';

/** wavesurfer options that draw stored peaks: one lane per channel, no decoding. */
function peaksOptions(peaks: TPeaks, url: string | null) {
  const split = peaks.channels > 1;
  return {
    peaks: peaksByChannel(peaks),
    duration: peaks.duration_seconds,
    height: split ? LANE_HEIGHT : MONO_HEIGHT,
    ...(split ? { splitChannels: Array.from({ length: peaks.channels }, () => ({ height: LANE_HEIGHT })) } : {}),
    ...(url ? { url } : {}),
    interact: url !== null,
  };
}

/** Owns the <audio> and waveform container refs so the effect may set the element's source.
 *  `peaks` undefined = still loading them, null = none stored. */
function useWaveform(url: string | null, sizeBytes: string | null, peaks: TPeaks | null | undefined) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<TStatus>('loading');
  const [readyMs, setReadyMs] = useState<number | null>(null);
  useEffect(() => {
    let ws: TWaveSurfer | null = null;
    let cancelled = false;
    const media = audioRef.current;
    const container = boxRef.current;
    if (!media || !container || peaks === undefined) return;
    const streamOnly = (why: TStatus) => {
      if (cancelled) return;
      setStatus(why);
      if (url) media.src = url;
    };
    if (!peaks && (url === null || (sizeBytes !== null && Number(sizeBytes) > WAVEFORM_MAX_BYTES))) {
      streamOnly('missing');
      return;
    }
    void import('wavesurfer.js').then(({ default: WaveSurfer }) => {
      if (cancelled) return;
      const options = peaks ? peaksOptions(peaks, url) : { height: MONO_HEIGHT };
      ws = WaveSurfer.create({ container, media, ...COLORS, normalize: true, dragToSeek: true, ...options });
      ws.on('ready', () => {
        if (cancelled) return;
        setReadyMs(Math.round(performance.now()));
        setStatus(peaks ? 'ready' : 'decoded');
      });
      if (!peaks && url) ws.load(url).catch(() => streamOnly('unavailable'));
    });
    return () => {
      cancelled = true;
      ws?.destroy();
    };
  }, [url, sizeBytes, peaks]);
  return { audioRef, boxRef, status, readyMs };
}

const HINTS: Partial<Record<TStatus, string>> = {
  loading: 'Loading waveform…',
  decoded: 'No stored waveform for this recording: drawn from the audio in your browser.',
  missing: 'No stored waveform for this recording yet (the peaks backfill makes it); the audio still plays.',
  unavailable:
    'Waveform unavailable (no stored waveform, and storage does not allow this origin to read the file); audio streams directly.',
};

function WaveformLanes({ peaks, roles }: { peaks: TPeaks; roles?: ReadonlyMap<number, string> }) {
  if (peaks.channels < 2) return null;
  return (
    <ul className="waveform-lanes" aria-label="Waveform lanes">
      {laneLabels(peaks.channels, roles).map((name, i) => (
        <li key={name} data-testid="waveform-lane" style={{ top: `${i * LANE_HEIGHT}px` }}>
          {name}
        </li>
      ))}
    </ul>
  );
}

function isInteractive(target: EventTarget): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'A'].includes(target.tagName);
}

type TPlayerProps = {
  url: string | null;
  sizeBytes: string | null;
  label: string;
  peaks: TPeaks | null | undefined;
  roles?: ReadonlyMap<number, string>;
};

export function WaveformPlayer({ url, sizeBytes, label, peaks, roles }: TPlayerProps) {
  const { audioRef, boxRef, status: waveform, readyMs } = useWaveform(url, sizeBytes, peaks);
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
    const actions: Record<string, () => void> = {
      ' ': toggle,
      ArrowLeft: () => seekBy(-SEEK_STEP),
      ArrowRight: () => seekBy(SEEK_STEP),
      '+': () => stepRate(1),
      '=': () => stepRate(1),
      '-': () => stepRate(-1),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  return (
    <div className="player" role="region" aria-label={`Player: ${label}`} tabIndex={0} onKeyDown={onKeyDown} data-testid="player">
      <div className="waveform-frame" data-testid="waveform-frame" data-status={waveform} data-ready-ms={readyMs ?? undefined}>
        <div ref={boxRef} className="waveform" data-testid="waveform" aria-hidden="true" />
        {peaks ? <WaveformLanes peaks={peaks} roles={roles} /> : null}
      </div>
      {HINTS[waveform] ? (
        <p className="hint" role={waveform === 'loading' ? 'status' : undefined}>
          {HINTS[waveform]}
        </p>
      ) : null}
      <audio ref={audioRef} preload="auto" data-testid="playback-audio" aria-label={label} />
      {url ? (
        <>
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
            <input
              id="player-seek"
              type="range"
              min={0}
              max={media.duration || 0}
              step={0.1}
              value={media.current}
              onChange={(e) => {
                const a = el();
                if (a) a.currentTime = Number(e.target.value);
              }}
              aria-valuetext={`${formatDuration(media.current)} of ${formatDuration(media.duration)}`}
            />
            <span className="player-time" aria-live="off" data-testid="player-time">
              {formatDuration(media.current)} / {formatDuration(media.duration)}
            </span>
            <label htmlFor="player-rate">Speed</label>
            <select
              id="player-rate"
              value={media.rate}
              onChange={(e) => {
                const a = el();
                if (a) a.playbackRate = Number(e.target.value);
              }}
            >
              {RATES.map((r) => (
                <option key={r} value={r}>
                  {r}×
                </option>
              ))}
            </select>
          </div>
          {media.error ? (
            <p className="error" role="alert">
              {media.error}
            </p>
          ) : null}
          <p className="hint">Keys (with the player focused): Space play/pause · ← → seek {SEEK_STEP}s · + / − speed</p>
        </>
      ) : null}
    </div>
  );
}
