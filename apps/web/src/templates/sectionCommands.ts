import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import {
  buildSection,
  SECTION_TEMPLATES,
  sessionFindings,
  speaker,
  type SectionTemplateId,
} from '@plenary/templates';
import { sessionLabel, speakerLine } from '../structure/format.ts';
import { addSession } from '../structure/sessionOps.ts';
import { insertFindingsTr, insertInSectionTr, insertTopLevelTr } from './insertSection.ts';
import type { SlashCommand, SlashCommandContext, SlashCommandSource } from './slashCommands.ts';

/** Groups of the templates menu and of the "/" menu, in the order they are listed. */
export const SECTIONS_GROUP = 'Sections';
export const FINDINGS_GROUP = 'Per-session findings';
export const IN_SECTION_GROUP = 'Inside a section';
export const TEXT_GROUP = 'Text';

function apply(editor: Editor, tr: Transaction): void {
  editor.view.dispatch(tr);
  editor.view.focus();
}

function info(id: SectionTemplateId) {
  return SECTION_TEMPLATES.find((template) => template.id === id)!;
}

/** A top-level section template: after the current part, sections never nest. */
function topLevel(id: SectionTemplateId, keywords: string[]): SlashCommand {
  const template = info(id);
  return {
    id: `section-${id}`,
    label: template.label,
    description: template.description,
    group: SECTIONS_GROUP,
    keywords,
    run: ({ editor, range }) =>
      apply(editor, insertTopLevelTr(editor.state, editor.schema.nodeFromJSON(buildSection(id)), range)),
  };
}

/** A block inside the current section. */
function inSection(id: SectionTemplateId, keywords: string[]): SlashCommand {
  const template = info(id);
  return {
    id: `block-${id}`,
    label: template.label,
    description: template.description,
    group: IN_SECTION_GROUP,
    keywords,
    run: ({ editor, range }) =>
      apply(editor, insertInSectionTr(editor.state, editor.schema.nodeFromJSON(buildSection(id)), range)),
  };
}

/**
 * One command per session that has no findings part yet (the template gave every session one;
 * a part deleted in the text can come back this way), and one that adds a new session.
 */
function findingsCommands({ sessions, sessionsWithPart, structure }: SlashCommandContext): SlashCommand[] {
  const ids = sessions.map((session) => session.id);
  const missing: SlashCommand[] = sessions.flatMap((session, index) =>
    sessionsWithPart.has(session.id)
      ? []
      : [
          {
            id: `findings-${session.id}`,
            label: `Findings: ${sessionLabel(index + 1, session.title)}`,
            description: 'This session’s heading and what was said and found, in programme order.',
            group: FINDINGS_GROUP,
            keywords: ['session', 'findings', String(index + 1)],
            run: ({ editor, range }) =>
              apply(
                editor,
                insertFindingsTr(
                  editor.state,
                  editor.schema.nodeFromJSON(sessionFindings(session.id)),
                  ids,
                  range,
                ),
              ),
          },
        ],
  );
  // Adding a session is a structure change: offered only to whoever may make it.
  if (!structure.canEditStructure) return missing;
  return [
    ...missing,
    {
      id: 'findings-new-session',
      label: 'Findings for a new session',
      description: 'Adds a session to the programme, with its findings part; name it in the sessions panel.',
      group: FINDINGS_GROUP,
      keywords: ['session', 'findings', 'add', 'panel'],
      run: ({ editor, range, structure }) => {
        if (range) editor.view.dispatch(editor.state.tr.delete(range.from, range.to));
        const id = addSession(structure.doc);
        structure.openPanel({ panelId: 'sessions', target: id });
      },
    },
  ];
}

/** In a session's findings part: a contribution already naming each of the session's speakers. */
function sessionSpeakerCommands({ editor, sessions }: SlashCommandContext): SlashCommand[] {
  const $from = editor.state.selection.$from;
  const part = $from.depth >= 1 ? $from.node(1) : null;
  const session =
    part?.type.name === 'section' ? sessions.find((s) => s.id === part.attrs.sessionId) : undefined;
  if (!session) return [];
  return session.speakers
    .filter((s) => s.name.trim() || s.affiliation.trim())
    .map((s, index) => ({
      id: `speaker-${session.id}-${index}`,
      label: `Speaker: ${speakerLine(s)}`,
      description: 'What this speaker of the session said.',
      group: IN_SECTION_GROUP,
      keywords: ['speaker', 'contribution'],
      run: ({ editor: e, range }) =>
        apply(
          e,
          insertInSectionTr(
            e.state,
            e.schema.nodeFromJSON(speaker({ speaker: s.name, affiliation: s.affiliation })),
            range,
          ),
        ),
    }));
}

function textCommand(
  id: string,
  label: string,
  keywords: string[],
  run: (editor: Editor) => void,
): SlashCommand {
  return {
    id: `text-${id}`,
    label,
    group: TEXT_GROUP,
    keywords,
    run: ({ editor, range }) => {
      if (range) editor.view.dispatch(editor.state.tr.delete(range.from, range.to));
      run(editor);
    },
  };
}

/** The built-in commands: the section templates, then plain text blocks. */
export const SECTION_COMMANDS: readonly SlashCommandSource[] = [
  topLevel('conclusions', ['main points']),
  topLevel('recommendations', ['numbered', 'addressed']),
  topLevel('key-takeaways', ['takeaways', 'seminar']),
  topLevel('annex', ['programme', 'participants', 'concept note', 'appendix']),
  findingsCommands,
  inSection('quote', ['quotation', 'attribution', 'citation']),
  inSection('speaker-contribution', ['speaker', 'statement', 'intervention']),
  sessionSpeakerCommands,
  textCommand('heading', 'Heading', ['title', 'h2'], (editor) =>
    editor.chain().focus().setHeading({ level: 2 }).run(),
  ),
  textCommand('subheading', 'Subheading', ['h3'], (editor) =>
    editor.chain().focus().setHeading({ level: 3 }).run(),
  ),
  textCommand('bullets', 'Bulleted list', ['list', 'bullets'], (editor) =>
    editor.chain().focus().toggleBulletList().run(),
  ),
  textCommand('numbers', 'Numbered list', ['list', 'numbers', 'ordered'], (editor) =>
    editor.chain().focus().toggleOrderedList().run(),
  ),
];

/** What the toolbar's templates menu offers: the section templates, not the text blocks. */
export const PALETTE_GROUPS: readonly string[] = [SECTIONS_GROUP, FINDINGS_GROUP, IN_SECTION_GROUP];
