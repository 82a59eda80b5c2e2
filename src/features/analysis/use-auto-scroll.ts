import { useCallback, useEffect, useRef, useState } from 'react';

const NEAR_BOTTOM = 48;
const QUESTION_GAP = 16;

/**
 * Where the thread scrolls. A new question is brought to the top of the view and the answer grows below it
 * without moving it ("anchored"), as in the chats people know. Otherwise the thread follows new content while
 * the reader is at the bottom and stops the moment they scroll up. Only the reader's own input (wheel, touch,
 * keys) ends anchoring, and only a scroll that moves up unpins: content growing below never moves scrollTop,
 * so a layout shift is not mistaken for the reader scrolling.
 */
export function useAutoScroll<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const isPinnedRef = useRef(true);
  const isAnchoredRef = useRef(false);
  const [isPinned, setPinned] = useState(true);
  const [hasMoreBelow, setMoreBelow] = useState(false);

  const pin = useCallback((value: boolean) => {
    if (value) isAnchoredRef.current = false;
    if (isPinnedRef.current === value) return;
    isPinnedRef.current = value;
    setPinned(value);
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let lastTop = element.scrollTop;
    const distance = () => element.scrollHeight - element.scrollTop - element.clientHeight;
    const measure = () => setMoreBelow(distance() >= NEAR_BOTTOM);
    const follow = () => {
      if (isPinnedRef.current && !isAnchoredRef.current && distance() >= NEAR_BOTTOM) {
        element.scrollTop = element.scrollHeight;
        lastTop = element.scrollTop;
      }
      measure();
    };
    const onScroll = () => {
      const top = element.scrollTop;
      if (!isAnchoredRef.current) {
        if (distance() < NEAR_BOTTOM) pin(true);
        else if (top < lastTop) pin(false);
      }
      lastTop = top;
      measure();
    };
    const onReaderScroll = (event: Event) => {
      isAnchoredRef.current = false;
      if (event instanceof WheelEvent && event.deltaY < 0) pin(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '].includes(event.key))
        isAnchoredRef.current = false;
    };
    // A ResizeObserver runs after layout, so reading the scroll height here forces no extra layout per frame.
    const resizes = new ResizeObserver(follow);
    resizes.observe(element);
    if (contentRef.current) resizes.observe(contentRef.current);
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onReaderScroll, { passive: true });
    element.addEventListener('touchmove', onReaderScroll, { passive: true });
    element.addEventListener('keydown', onKey);
    return () => {
      resizes.disconnect();
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onReaderScroll);
      element.removeEventListener('touchmove', onReaderScroll);
      element.removeEventListener('keydown', onKey);
    };
  }, [pin]);

  /** Brings the question about to be asked to the top of the view once it is on the page; call before asking. */
  const anchorLastQuestion = useCallback(() => {
    isAnchoredRef.current = true;
    isPinnedRef.current = false;
    setPinned(false);
    const questionsOnPage = () => ref.current?.querySelectorAll<HTMLElement>('[data-question]') ?? [];
    const before = questionsOnPage().length;
    const place = (triesLeft: number) => {
      const element = ref.current;
      const questions = questionsOnPage();
      const question = questions[questions.length - 1];
      if (!element || !question || (questions.length <= before && triesLeft > 0)) {
        if (triesLeft > 0) requestAnimationFrame(() => place(triesLeft - 1));
        return;
      }
      const offset = question.getBoundingClientRect().top - element.getBoundingClientRect().top;
      element.scrollTo({ top: element.scrollTop + offset - QUESTION_GAP });
    };
    requestAnimationFrame(() => place(10));
  }, []);

  const jumpToLatest = useCallback(() => {
    pin(true);
    const element = ref.current;
    if (element) element.scrollTo({ top: element.scrollHeight, behavior: 'smooth' });
  }, [pin]);

  return { ref, contentRef, isPinned, hasMoreBelow, jumpToLatest, pin, anchorLastQuestion };
}
