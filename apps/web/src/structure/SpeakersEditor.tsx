import { useLayoutEffect, useRef, useState } from 'react';
import type { Speaker } from '@plenary/schema';
import type { ListChange } from './EditableList.tsx';
import { AddIcon, ArrowDownIcon, ArrowUpIcon, RemoveIcon } from './icons.tsx';

interface SpeakersEditorProps {
  readonly speakers: readonly Speaker[];
  readonly onChange: (speakers: Speaker[], change: ListChange) => void;
}

/** A session's speakers, each a name and an affiliation, in the order they spoke. */
export function SpeakersEditor({ speakers, onChange }: SpeakersEditorProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useLayoutEffect(() => {
    if (focusIndex === null) return;
    ref.current?.querySelector<HTMLElement>(`[data-speaker="${focusIndex}"]`)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const edit = (index: number, field: keyof Speaker, value: string) =>
    onChange(
      speakers.map((speaker, i) => (i === index ? { ...speaker, [field]: value } : speaker)),
      'typing',
    );
  const move = (index: number, by: -1 | 1) => {
    const next = [...speakers];
    const [speaker] = next.splice(index, 1);
    next.splice(index + by, 0, speaker!);
    onChange(next, 'structure');
  };

  return (
    <div ref={ref} className="speakers" role="group" aria-label="Speakers">
      {speakers.length > 0 && (
        <ol className="speakers__list">
          {speakers.map((speaker, index) => {
            const who = speaker.name.trim() || `speaker ${index + 1}`;
            return (
              <li key={index} className="speakers__item">
                <input
                  className="field__input field__input--compact"
                  aria-label={`Speaker ${index + 1}: name`}
                  placeholder="Name and title"
                  value={speaker.name}
                  data-speaker={index}
                  onChange={(event) => edit(index, 'name', event.target.value)}
                />
                <input
                  className="field__input field__input--compact"
                  aria-label={`Speaker ${index + 1}: affiliation`}
                  placeholder="Affiliation"
                  value={speaker.affiliation}
                  onChange={(event) => edit(index, 'affiliation', event.target.value)}
                />
                <span className="speakers__actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${who} up`}
                    title="Move up"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${who} down`}
                    title="Move down"
                    disabled={index === speakers.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={`Remove ${who}`}
                    title="Remove"
                    onClick={() =>
                      onChange(
                        speakers.filter((_, i) => i !== index),
                        'structure',
                      )
                    }
                  >
                    <RemoveIcon />
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          onChange([...speakers, { name: '', affiliation: '' }], 'structure');
          setFocusIndex(speakers.length);
        }}
      >
        <AddIcon /> Add speaker
      </button>
    </div>
  );
}
