import * as Y from 'yjs';
import { DocFields, writeMeeting, type MeetingDetails } from '@plenary/schema';
import { asEdit, asUndoStep } from './undoManager.ts';

/** Headings a title block can carry; the first two follow the number of co-hosts. */
export const SUMMARY_HEADINGS = ['Chair’s Summary', 'Co-Chairs’ Summary', 'Summary Report'] as const;

/** Writes meeting details typed in the panel (merged with the keystrokes around it, for undo). */
export function updateMeeting(doc: Y.Doc, change: Partial<MeetingDetails>): void {
  asEdit(doc, () => writeMeeting(doc, change));
}

/** A list edit (add, remove, reorder a co-host): an undo step of its own. */
export function updateMeetingList(
  doc: Y.Doc,
  change: Pick<Partial<MeetingDetails>, 'coHosts' | 'chairs'>,
): void {
  asUndoStep(doc, () => writeMeeting(doc, change));
}

function titleBlockElement(doc: Y.Doc): Y.XmlElement | undefined {
  return doc
    .getXmlFragment(DocFields.body)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'titleBlock');
}

/** The heading of the document's title block, or null when it has none (a blank document). */
export function readSummaryHeading(doc: Y.Doc): string | null {
  const element = titleBlockElement(doc);
  if (!element) return null;
  const heading = element.getAttribute('heading');
  return typeof heading === 'string' ? heading : SUMMARY_HEADINGS[0];
}

/** Sets the title block's heading ("Co-Chairs’ Summary" ...), a node attribute in the body. */
export function setSummaryHeading(doc: Y.Doc, heading: string): void {
  const element = titleBlockElement(doc);
  if (!element || element.getAttribute('heading') === heading) return;
  asUndoStep(doc, () => element.setAttribute('heading', heading));
}
