import { useCallback, useEffect, useRef, useState } from 'react';

const NEAR_BOTTOM = 48;

/**
 * Follows new content while the reader is at the bottom and stops the moment they scroll up. Only a scroll
 * that moves up counts as the reader leaving: content growing below never moves scrollTop, so a layout
 * shift is not mistaken for the user scrolling.
 */
export function useAutoScroll<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const isPinnedRef = useRef(true);
  const [isPinned, setPinned] = useState(true);

  const pin = useCallback((value: boolean) => {
    if (isPinnedRef.current === value) return;
    isPinnedRef.current = value;
    setPinned(value);
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let lastTop = element.scrollTop;
    const isAtBottom = () => element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM;
    const follow = () => {
      if (isPinnedRef.current && !isAtBottom()) {
        element.scrollTop = element.scrollHeight;
        lastTop = element.scrollTop;
      }
    };
    const onScroll = () => {
      const top = element.scrollTop;
      if (isAtBottom()) pin(true);
      else if (top < lastTop) pin(false);
      lastTop = top;
    };
    // The wheel says "up" before the scroll lands, so following never fights the reader's first tick.
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0) pin(false);
    };
    // A ResizeObserver runs after layout, so reading the scroll height here forces no extra layout per frame.
    const resizes = new ResizeObserver(follow);
    resizes.observe(element);
    if (contentRef.current) resizes.observe(contentRef.current);
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: true });
    return () => {
      resizes.disconnect();
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onWheel);
    };
  }, [pin]);

  const jumpToLatest = useCallback(() => {
    pin(true);
    const element = ref.current;
    if (element) element.scrollTo({ top: element.scrollHeight, behavior: 'smooth' });
  }, [pin]);

  return { ref, contentRef, isPinned, jumpToLatest, pin };
}
