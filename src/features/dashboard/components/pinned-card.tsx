import { type DragEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PIN_TITLE_MAX, type Pin } from '../../../contract/dashboard';
import { formatDay } from '../../../lib/format-date';
import { useCardResult, useRemovePin, useUpdatePin } from '../api/pins';
import { analysisLink } from '../lib/analysis-link';
import { formatFigure } from '../lib/format';
import { CardFigures } from './card-figures';

interface Props {
  pin: Pin;
  /** Position among the viewer's own cards, and how many there are; null for a colleague's shared card. */
  place: { index: number; count: number } | null;
  onMove: (pin: Pin, to: number) => void;
  onDragStart: (pin: Pin) => void;
  onDropOn: (pin: Pin) => void;
  /** True for the card just moved by keyboard: its handle keeps the focus after the list reorders. */
  keepsFocus?: boolean;
}

function RenameForm({ pin, onDone }: { pin: Pin; onDone: () => void }) {
  const update = useUpdatePin();
  const [title, setTitle] = useState(pin.title);
  const inputId = useId();
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        const next = title.trim();
        if (!next || next === pin.title) return onDone();
        update.mutate({ id: pin.id, change: { title: next } }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={inputId}>Card title</label>
      <input
        id={inputId}
        value={title}
        maxLength={PIN_TITLE_MAX}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onDone()}
        // The rename was asked for this moment; the field is what the person wants to type in.
        // biome-ignore lint/a11y/noAutofocus: opened by the Rename button
        autoFocus
      />
      <button type="submit" className="button small primary" disabled={update.isPending}>
        Save
      </button>
      <button type="button" className="button small subtle" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function CardBody({ pin }: { pin: Pin }) {
  const result = useCardResult(pin.id);
  if (result.isPending) {
    return (
      <p className="muted card-status" role="status">
        Computing on the current data…
      </p>
    );
  }
  if (result.isError) {
    return (
      <p className="card-problem" role="alert">
        {result.error.message}{' '}
        <button type="button" className="button small" onClick={() => void result.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  const data = result.data;
  if (data.status !== 'ok') {
    return (
      <div className={data.status === 'invalid' ? 'card-problem' : 'card-note'}>
        <p>{data.message}</p>
        {data.status === 'invalid' ? (
          <Link className="button small" to={analysisLink(pin.question)}>
            Ask again
          </Link>
        ) : (
          <button type="button" className="button small" onClick={() => void result.refetch()}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return (
    <>
      <CardFigures result={data} title={pin.title} />
      <p className="card-provenance muted small" data-testid="card-provenance">
        <span data-cases={data.cases}>{formatFigure(data.cases, 'cases')} cases</span>
        {data.dates
          ? ` · admitted ${formatDay(data.dates.from)} – ${formatDay(data.dates.to)}`
          : ' · all admit dates'}
        {` · data through ${formatDay(data.data_through)}`}
      </p>
      {data.notes.length > 0 && <p className="muted small">{data.notes.join(' ')}</p>}
    </>
  );
}

export function PinnedCard({ pin, place, onMove, onDragStart, onDropOn, keepsFocus = false }: Props) {
  const [isRenaming, setRenaming] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const [isDropTarget, setDropTarget] = useState(false);
  const update = useUpdatePin();
  const remove = useRemovePin();
  const titleId = useId();
  const canMove = place !== null && place.count > 1;
  const handle = useRef<HTMLButtonElement>(null);
  const index = place?.index;
  useEffect(() => {
    // Moving a focused element in the DOM drops its focus; give it back where the card now is.
    if (keepsFocus && index !== undefined && document.activeElement !== handle.current)
      handle.current?.focus();
  }, [keepsFocus, index]);

  const onHandleKey = (event: KeyboardEvent) => {
    if (!place) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      event.preventDefault();
      if (place.index > 0) onMove(pin, place.index - 1);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
      event.preventDefault();
      if (place.index < place.count - 1) onMove(pin, place.index + 1);
    }
  };
  const dropProps = place
    ? {
        onDragOver: (event: DragEvent) => {
          event.preventDefault();
          setDropTarget(true);
        },
        onDragLeave: () => setDropTarget(false),
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDropTarget(false);
          onDropOn(pin);
        },
      }
    : {};

  return (
    <article
      className={`pin-card${isDropTarget ? ' drop-target' : ''}`}
      aria-labelledby={titleId}
      data-pin-id={pin.id}
      {...dropProps}
    >
      <header className="pin-card-header">
        {place && (
          <button
            ref={handle}
            type="button"
            className="drag-handle"
            draggable
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', pin.id);
              onDragStart(pin);
            }}
            onKeyDown={onHandleKey}
            aria-label={`Reorder “${pin.title}”, position ${place.index + 1} of ${place.count}. Use the arrow keys to move it.`}
            disabled={!canMove}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        {isRenaming ? (
          <RenameForm pin={pin} onDone={() => setRenaming(false)} />
        ) : (
          <h3 id={titleId} className="pin-title">
            {pin.title}
          </h3>
        )}
      </header>
      {pin.reading && <p className="pin-reading muted">{pin.reading}</p>}
      {!pin.is_owner && <p className="muted small">Shared by {pin.owner_name}</p>}
      <CardBody pin={pin} />
      <footer className="pin-actions">
        <Link className="button small" to={analysisLink(pin.question)}>
          Open in Analysis
        </Link>
        {pin.is_owner && !isConfirming && (
          <>
            <button type="button" className="button small subtle" onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button
              type="button"
              className="button small subtle"
              aria-pressed={pin.shared}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: pin.id, change: { shared: !pin.shared } })}
            >
              {pin.shared ? 'Shared with organization' : 'Share with organization'}
            </button>
            {place && (
              <>
                <button
                  type="button"
                  className="button small subtle"
                  disabled={place.index === 0}
                  onClick={() => onMove(pin, place.index - 1)}
                  aria-label={`Move “${pin.title}” up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button small subtle"
                  disabled={place.index === place.count - 1}
                  onClick={() => onMove(pin, place.index + 1)}
                  aria-label={`Move “${pin.title}” down`}
                >
                  ↓
                </button>
              </>
            )}
            <button type="button" className="button small subtle" onClick={() => setConfirming(true)}>
              Remove
            </button>
          </>
        )}
        {isConfirming && (
          <>
            <span className="small">Remove this card?</span>
            <button
              type="button"
              className="button small danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(pin.id)}
            >
              Remove card
            </button>
            <button type="button" className="button small subtle" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        )}
      </footer>
    </article>
  );
}
