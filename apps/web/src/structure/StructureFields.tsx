import type { ReactNode } from 'react';

/**
 * A structure panel's controls, disabled together (a disabled fieldset disables every field
 * and button inside it) when the person may not change the structure, with the reason.
 */
export function StructureFields({
  what,
  editable,
  children,
}: {
  /** "the meeting details", "the sessions", "the numbering". */
  readonly what: string;
  readonly editable: boolean;
  readonly children: ReactNode;
}) {
  return (
    <fieldset className="structure-fields" disabled={!editable}>
      <legend className="visually-hidden">{what}</legend>
      {!editable && (
        <p className="panel__readonly">Only the secretariat can change {what}; you can read them.</p>
      )}
      {children}
    </fieldset>
  );
}
