import type { Editor } from '@tiptap/core';
import { isFindingsPart } from '../structure/bodyParts.ts';
import type { Structure } from '../structure/StructureContext.tsx';
import { useBodyOutline, useSessions } from '../structure/useStructureData.ts';
import type { SlashCommandContext } from './slashCommands.ts';

/** What the templates menu and the "/" menu list commands for: the editor, sessions and parts. */
export function useCommandContext(editor: Editor, structure: Structure): SlashCommandContext {
  const sessions = useSessions(structure.doc);
  const { parts } = useBodyOutline(structure.doc);
  const sessionsWithPart = new Set(parts.filter(isFindingsPart).map((part) => part.sessionId));
  return { editor, structure, sessions, sessionsWithPart };
}
