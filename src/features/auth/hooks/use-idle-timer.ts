import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const WARNING_MS = 60_000;

/**
 * Counts down from the last user activity. `secondsLeft` is non-null during the final minute, when the
 * warning shows; `onIdle` runs when the time is up. Timers are checked against the wall clock, because a
 * background tab's timers are throttled.
 */
export function useIdleTimer(minutes: number, onIdle: () => void) {
  const lastActivity = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    const limitMs = minutes * 60_000;
    const markActive = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, markActive, { passive: true });
    const tick = () => {
      const remaining = limitMs - (Date.now() - lastActivity.current);
      if (remaining <= 0) {
        onIdleRef.current();
        return;
      }
      setSecondsLeft(remaining <= WARNING_MS ? Math.ceil(remaining / 1000) : null);
    };
    const interval = window.setInterval(tick, 1000);
    document.addEventListener('visibilitychange', tick);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, markActive);
      window.clearInterval(interval);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [minutes]);

  return {
    secondsLeft,
    stayActive: () => {
      lastActivity.current = Date.now();
      setSecondsLeft(null);
    },
  };
}
