import type * as Y from 'yjs';
import { useStructure } from '../structure/StructureContext.tsx';
import { useDocumentSettings } from './useDocumentSettings.ts';

/** Paragraph numbering on/off and heading numbering UN/none, for everyone in the document. */
export function NumberingControl({ doc }: { readonly doc: Y.Doc }) {
  const [settings, write] = useDocumentSettings(doc);
  // Settings are structure: only the secretariat (and admins) change them, never in a final text.
  const editable = useStructure()?.canEditStructure ?? false;
  return (
    <fieldset className="numbering-control" disabled={!editable}>
      <legend className="numbering-control__legend">Numbering</legend>
      <label className="panel-field__check">
        <input
          type="checkbox"
          checked={settings.paragraphNumbering === 'consecutive'}
          onChange={(event) => write({ paragraphNumbering: event.target.checked ? 'consecutive' : 'none' })}
        />
        Number paragraphs (1., 2., 3. …)
      </label>
      <label className="panel-field__check">
        <input
          type="checkbox"
          checked={settings.headingNumbering === 'un'}
          onChange={(event) => write({ headingNumbering: event.target.checked ? 'un' : 'none' })}
        />
        Number headings (I. / A. / 1.)
      </label>
    </fieldset>
  );
}
