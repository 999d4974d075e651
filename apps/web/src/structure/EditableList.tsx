import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { AddIcon, ArrowDownIcon, ArrowUpIcon, RemoveIcon } from './icons.tsx';

/** How a list changed: typing in an item, or adding, removing or moving one (an undo step of its own). */
export type ListChange = 'typing' | 'structure';

interface EditableListProps {
  /** The list's label, e.g. "Co-hosts". */
  readonly label: string;
  /** One item's name, e.g. "co-host": "Co-host 2", "Add co-host", "Remove co-host 2". */
  readonly itemName: string;
  readonly items: readonly string[];
  readonly onChange: (items: string[], change: ListChange) => void;
  readonly placeholder?: string;
  /** Multi-line items (guiding questions). */
  readonly multiline?: boolean;
}

type Control = 'input' | 'up' | 'down' | 'add';

/**
 * A list of short texts (co-hosts, chairs, guiding questions) with add, remove and reorder.
 * Keyboard: Enter in an item adds one after it, Backspace in an empty item removes it, and the
 * move buttons keep focus on the item as it moves.
 */
export function EditableList({
  label,
  itemName,
  items,
  onChange,
  placeholder,
  multiline,
}: EditableListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ index: number; control: Control } | null>(null);
  const Name = itemName.charAt(0).toUpperCase() + itemName.slice(1);

  useLayoutEffect(() => {
    if (!focus) return;
    const selector =
      focus.control === 'add'
        ? '[data-control="add"]'
        : `[data-index="${focus.index}"][data-control="${focus.control}"]`;
    const target = listRef.current?.querySelector<HTMLElement>(selector);
    // A move button disabled at the end of the list: fall back to the item itself.
    const fallback = listRef.current?.querySelector<HTMLElement>(
      `[data-index="${focus.index}"][data-control="input"]`,
    );
    (target && !(target as HTMLButtonElement).disabled ? target : fallback)?.focus();
    setFocus(null);
  }, [focus]);

  const change = (next: string[], kind: ListChange, then?: { index: number; control: Control }) => {
    onChange(next, kind);
    if (then) setFocus(then);
  };
  const insertAfter = (index: number) =>
    change([...items.slice(0, index + 1), '', ...items.slice(index + 1)], 'structure', {
      index: index + 1,
      control: 'input',
    });
  const remove = (index: number) =>
    change(
      items.filter((_, i) => i !== index),
      'structure',
      items.length > 1 ? { index: Math.max(0, index - 1), control: 'input' } : { index: 0, control: 'add' },
    );
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    change(next, 'structure', { index: index + by, control: by < 0 ? 'up' : 'down' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>, index: number) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      insertAfter(index);
    } else if (event.key === 'Backspace' && items[index] === '') {
      event.preventDefault();
      remove(index);
    }
  };

  return (
    <div ref={listRef} className="editable-list" role="group" aria-label={label}>
      {items.length > 0 && (
        <ol className="editable-list__items">
          {items.map((item, index) => {
            const itemLabel = `${Name} ${index + 1}`;
            const inputProps = {
              className: 'field__input field__input--compact editable-list__input',
              value: item,
              placeholder,
              'aria-label': itemLabel,
              'data-index': index,
              'data-control': 'input',
              onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) =>
                onKeyDown(event, index),
            };
            return (
              <li key={index} className="editable-list__item">
                {multiline ? (
                  <textarea
                    {...inputProps}
                    rows={2}
                    onChange={(event) => change(replaceAt(items, index, event.target.value), 'typing')}
                  />
                ) : (
                  <input
                    {...inputProps}
                    onChange={(event) => change(replaceAt(items, index, event.target.value), 'typing')}
                  />
                )}
                <span className="editable-list__actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${itemLabel.toLowerCase()} up`}
                    title="Move up"
                    data-index={index}
                    data-control="up"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${itemLabel.toLowerCase()} down`}
                    title="Move down"
                    data-index={index}
                    data-control="down"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={`Remove ${itemLabel.toLowerCase()}`}
                    title="Remove"
                    onClick={() => remove(index)}
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
        data-control="add"
        onClick={() => insertAfter(items.length - 1)}
      >
        <AddIcon /> Add {itemName}
      </button>
    </div>
  );
}

function replaceAt(items: readonly string[], index: number, value: string): string[] {
  return items.map((item, i) => (i === index ? value : item));
}
