import { type RefObject, useEffect } from 'react';

/**
 * Uppy's Dashboard (6.0.3) renders a single queued file as a `listitem` with no `list` around it (the
 * virtual list that carries the role is skipped for one file), which screen readers and axe reject.
 * This restores the missing role until Uppy fixes it.
 */
export function useSingleFileListRole(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const patch = () => {
      for (const list of root.querySelectorAll('.uppy-Dashboard-files:not([role])'))
        list.setAttribute('role', 'list');
    };
    patch();
    const observer = new MutationObserver(patch);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}
