import type { Editor } from '@tiptap/core';
import type { Session } from '@plenary/schema';
import type { Structure } from '../structure/StructureContext.tsx';
import type { TextRange } from './insertSection.ts';
import { SECTION_COMMANDS } from './sectionCommands.ts';

/** What a command can see when the menu lists it. */
export interface SlashCommandContext {
  readonly editor: Editor;
  /** The open document (Y.Doc, panels). */
  readonly structure: Structure;
  /** The sessions in programme order. */
  readonly sessions: readonly Session[];
  /** Ids of the sessions that have a findings part in the text. */
  readonly sessionsWithPart: ReadonlySet<string>;
}

export interface SlashCommandRun extends SlashCommandContext {
  /**
   * The "/query" text the "/" menu was opened with, which the command replaces (in the same
   * transaction, for one undo step); null when run from the toolbar's templates menu.
   */
  readonly range: TextRange | null;
}

export interface SlashCommand {
  /** Stable and unique: also the option's DOM id. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Heading the command is listed under: "Sections", "Inside a section", "Text" ... */
  readonly group: string;
  /** More words it is found by. */
  readonly keywords?: readonly string[];
  readonly run: (run: SlashCommandRun) => void;
}

/** A command, or a function listing commands that depend on the document (one per session ...). */
export type SlashCommandSource = SlashCommand | ((context: SlashCommandContext) => readonly SlashCommand[]);

/**
 * The commands of the "/" menu, in the order they are listed: the section templates first.
 * Features add theirs with `registerSlashCommands` (the recommendations feature adds "Mark as
 * recommendation"); groups are listed in the order their first command appears.
 */
export const SLASH_COMMANDS: SlashCommandSource[] = [...SECTION_COMMANDS];
const registry = SLASH_COMMANDS;

/** Adds commands to the "/" menu; returns a function that takes them out again. */
export function registerSlashCommands(...sources: SlashCommandSource[]): () => void {
  registry.push(...sources);
  return () => {
    for (const source of sources) {
      const index = registry.indexOf(source);
      if (index !== -1) registry.splice(index, 1);
    }
  };
}

/** Every registered command, functions expanded for this context. */
export function listSlashCommands(context: SlashCommandContext): SlashCommand[] {
  return registry.flatMap((source) => (typeof source === 'function' ? source(context) : [source]));
}

/** Lower case, without accents: "Take-aways" and "takeaways" and "Conclusión" are found alike. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The commands matching what was typed after "/": each typed word must begin a word of the
 * command's label, group or keywords ("rec" finds Recommendations, "sess 2" a session), or
 * appear inside one from three letters on. Labels
 * that begin with the query come first; otherwise the registry's order is kept.
 */
export function filterSlashCommands(commands: readonly SlashCommand[], query: string): SlashCommand[] {
  const typed = words(query);
  if (typed.length === 0) return [...commands];
  const scored: Array<{ command: SlashCommand; rank: number; index: number }> = [];
  commands.forEach((command, index) => {
    const vocabulary = words([command.label, command.group, ...(command.keywords ?? [])].join(' '));
    const joined = vocabulary.join('');
    // Inside a word only from three letters on ("aways"), or single letters would match anything.
    const matches = typed.every(
      (word) =>
        vocabulary.some((known) => known.startsWith(word)) || (word.length >= 3 && joined.includes(word)),
    );
    if (!matches) return;
    const rank = fold(command.label).startsWith(fold(query.trim())) ? 0 : 1;
    scored.push({ command, rank, index });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.command);
}

/** Groups commands under their headings, keeping the order of first appearance. */
export function groupCommands(
  commands: readonly SlashCommand[],
): Array<{ group: string; commands: SlashCommand[] }> {
  const groups = new Map<string, SlashCommand[]>();
  for (const command of commands) {
    const list = groups.get(command.group);
    if (list) list.push(command);
    else groups.set(command.group, [command]);
  }
  return [...groups].map(([group, list]) => ({ group, commands: list }));
}
