import { useCallback, useEffect, useRef, useState } from 'react';

const UNDO_MS = 8000;

/**
 * Deleting with a way back: the item disappears at once, and the delete is sent only when the undo time has
 * passed, another item is deleted, or the page goes away. Undo therefore restores everything, messages included,
 * without the server having to keep deleted conversations.
 */
export function useUndoableDelete(remove: (id: string) => void) {
  const [pending, setPending] = useState<{ id: string; title: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const removeRef = useRef(remove);
  removeRef.current = remove;

  const commit = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    if (current) removeRef.current(current.id);
  }, []);

  const schedule = useCallback(
    (id: string, title: string) => {
      commit();
      const next = { id, title };
      pendingRef.current = next;
      setPending(next);
      timer.current = setTimeout(commit, UNDO_MS);
    },
    [commit],
  );

  const undo = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    return current;
  }, []);

  useEffect(() => {
    window.addEventListener('pagehide', commit);
    return () => {
      window.removeEventListener('pagehide', commit);
      commit();
    };
  }, [commit]);

  return { pending, schedule, undo, commit };
}
