import { createContext, useContext, type ReactNode } from 'react';
import type * as Y from 'yjs';

/** Asks the side panel to show one of its panels, e.g. the sessions panel at one session. */
export interface PanelRequest {
  readonly panelId: string;
  /** What to bring into view inside the panel (a session id for the sessions panel). */
  readonly target?: string;
}

export interface Structure {
  /** The open document's Y.Doc: meeting details, sessions and body live in it. */
  readonly doc: Y.Doc;
  readonly openPanel: (request: PanelRequest) => void;
  /**
   * The person may change the meeting details, the sessions and the settings (the `structure`
   * right, docs/access.md; false in a final document). Without it the panels only show them:
   * the server drops structure changes from anyone else, and a client that kept them would
   * no longer match everyone else's document.
   */
  readonly canEditStructure: boolean;
}

const StructureContext = createContext<Structure | null>(null);

/**
 * Shares the open document with everything that shows or edits its structure: the side
 * panels, the toolbar's templates menu, the "/" menu and the node views (Tiptap renders React
 * node views in portals inside EditorContent, so they see this context too).
 */
export function StructureProvider({
  value,
  children,
}: {
  readonly value: Structure | null;
  readonly children: ReactNode;
}) {
  return <StructureContext.Provider value={value}>{children}</StructureContext.Provider>;
}

/** The open document's structure; null while the document is still opening. */
export function useStructure(): Structure | null {
  return useContext(StructureContext);
}
