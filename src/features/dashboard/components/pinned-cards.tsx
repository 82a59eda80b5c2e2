import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Pin } from '../../../contract/dashboard';
import { usePins, useReorderPins } from '../api/pins';
import { PinnedCard } from './pinned-card';

export function PinnedCards() {
  const pins = usePins();
  const reorder = useReorderPins();
  const [announcement, setAnnouncement] = useState('');
  const [movedId, setMovedId] = useState<string | null>(null);
  const dragged = useRef<Pin | null>(null);

  if (pins.isPending) return <p className="muted">Loading pinned answers…</p>;
  if (pins.isError) return <p role="alert">The pinned answers could not be loaded. Reload to try again.</p>;
  const all = pins.data.results;
  const mine = all.filter((pin) => pin.is_owner);
  const shared = all.filter((pin) => !pin.is_owner);

  const move = (pin: Pin, to: number) => {
    const ids = mine.map((item) => item.id).filter((id) => id !== pin.id);
    const target = Math.max(0, Math.min(to, ids.length));
    ids.splice(target, 0, pin.id);
    reorder.mutate(ids);
    setMovedId(pin.id);
    setAnnouncement(`“${pin.title}” moved to position ${target + 1} of ${mine.length}.`);
  };

  return (
    <section className="pinned" aria-labelledby="pinned-title">
      <h2 id="pinned-title">Pinned answers</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {all.length === 0 && (
        <div className="panel empty-pins">
          <p>
            Nothing pinned yet. Ask a question in <Link to="/analysis">Analysis</Link> and choose “Pin to
            dashboard” on the answer: the card runs again on the current data every time you come back.
          </p>
        </div>
      )}
      {mine.length > 0 && (
        <ol className="pin-grid" aria-label="Your cards">
          {mine.map((pin, index) => (
            <li key={pin.id}>
              <PinnedCard
                pin={pin}
                place={{ index, count: mine.length }}
                keepsFocus={movedId === pin.id}
                onMove={move}
                onDragStart={(item) => {
                  dragged.current = item;
                }}
                onDropOn={(target) => {
                  const source = dragged.current;
                  dragged.current = null;
                  if (source && source.id !== target.id)
                    move(
                      source,
                      mine.findIndex((item) => item.id === target.id),
                    );
                }}
              />
            </li>
          ))}
        </ol>
      )}
      {shared.length > 0 && (
        <>
          <h3 className="pin-subtitle">Shared by colleagues</h3>
          <ul className="pin-grid" aria-label="Shared cards">
            {shared.map((pin) => (
              <li key={pin.id}>
                <PinnedCard
                  pin={pin}
                  place={null}
                  onMove={() => {}}
                  onDragStart={() => {}}
                  onDropOn={() => {}}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
