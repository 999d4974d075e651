import { describe, expect, it } from 'vitest';
import { filterSlashCommands, groupCommands, type SlashCommand } from './slashCommands.ts';

const command = (label: string, group = 'Sections', keywords: string[] = []): SlashCommand => ({
  id: label,
  label,
  group,
  keywords,
  run: () => {},
});

const commands = [
  command('Conclusions', 'Sections', ['main points']),
  command('Recommendations', 'Sections', ['numbered']),
  command('Key take-aways', 'Sections', ['takeaways']),
  command('Findings: Session 2 – Medical support', 'Per-session findings', ['session', 'findings', '2']),
  command('Quote with attribution', 'Inside a section'),
  command('Numbered list', 'Text', ['ordered']),
];
const labels = (list: SlashCommand[]) => list.map((c) => c.label);

describe('filterSlashCommands', () => {
  it('lists everything for an empty query', () => {
    expect(filterSlashCommands(commands, '  ')).toHaveLength(commands.length);
  });

  it('finds commands by the beginning of any word of their label, group or keywords', () => {
    expect(labels(filterSlashCommands(commands, 'rec'))).toEqual(['Recommendations']);
    expect(labels(filterSlashCommands(commands, 'take'))).toEqual(['Key take-aways']);
    expect(labels(filterSlashCommands(commands, 'takeaways'))).toEqual(['Key take-aways']);
    expect(labels(filterSlashCommands(commands, 'sess 2'))).toEqual([
      'Findings: Session 2 – Medical support',
    ]);
  });

  it('puts labels that begin with the query first', () => {
    expect(labels(filterSlashCommands(commands, 'numbered'))).toEqual(['Numbered list', 'Recommendations']);
  });

  it('ignores case and accents, and finds nothing for nonsense', () => {
    expect(labels(filterSlashCommands(commands, 'CONCLUSIÓN'))).toEqual(['Conclusions']);
    expect(labels(filterSlashCommands(commands, 'aways'))).toEqual(['Key take-aways']);
    expect(filterSlashCommands(commands, 'usr/bin')).toEqual([]);
  });
});

describe('groupCommands', () => {
  it('groups in order of first appearance', () => {
    expect(groupCommands(filterSlashCommands(commands, 'n')).map((g) => g.group)).toEqual([
      'Text',
      'Sections',
    ]);
    expect(groupCommands(commands).map((g) => g.commands.length)).toEqual([3, 1, 1, 1]);
  });
});
