'use client';
// Mirrors an <audio> element's state into React (time, duration, playing, rate, error).
import { useEffect, useState, type RefObject } from 'react';

export type TMediaState = { current: number; duration: number; playing: boolean; rate: number; error: string | null };

const INITIAL: TMediaState = { current: 0, duration: 0, playing: false, rate: 1, error: null };

export function useMediaState(ref: RefObject<HTMLAudioElement | null>): TMediaState {
  const [state, setState] = useState<TMediaState>(INITIAL);
  useEffect(() => {
    const media = ref.current;
    if (!media) return;
    const sync = () =>
      setState((s) => ({
        ...s,
        current: media.currentTime,
        duration: Number.isFinite(media.duration) ? media.duration : 0,
        playing: !media.paused && !media.ended,
        rate: media.playbackRate,
      }));
    const onError = () =>
      setState((s) => ({
        ...s,
        playing: false,
        error: 'The media could not be loaded: the playback link may have expired. Request playback again.',
      }));
    const events = ['timeupdate', 'durationchange', 'loadedmetadata', 'play', 'pause', 'ended', 'ratechange', 'seeked'] as const;
    events.forEach((e) => media.addEventListener(e, sync));
    media.addEventListener('error', onError);
    return () => {
      events.forEach((e) => media.removeEventListener(e, sync));
      media.removeEventListener('error', onError);
    };
  }, [ref]);
  return state;
}
