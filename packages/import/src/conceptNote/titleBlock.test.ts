import { describe, expect, it } from 'vitest';
import { toLines } from './lines.ts';
import { findTitleAndTheme, headerOf } from './titleBlock.ts';

const titleOf = (text: string, venue: string | null = null) =>
  findTitleAndTheme(headerOf(toLines(text)), venue);

describe('findTitleAndTheme', () => {
  it('reads a quoted theme and a title flattened with co-hosts, dates and venue', () => {
    const text =
      '"Towards Safer Peacekeeping"\n\nPreparatory Meeting for the 2027 UN Peacekeeping Ministerial Co-hosted by A and B 3-4 March 2027 in Abidjan\n\nBackground\n\nText.';
    expect(titleOf(text)).toEqual({
      title: 'Preparatory Meeting for the 2027 UN Peacekeeping Ministerial',
      theme: 'Towards Safer Peacekeeping',
    });
  });

  it('reads a title wrapped over lines, stopping at the co-hosts and dates lines', () => {
    const text =
      'CONCEPT NOTE\nRegional Workshop on Medical Support\nto Peacekeepers\nco-hosted by Japan and Nepal\nKathmandu, 30-31 August 2023';
    expect(titleOf(text)).toEqual({
      title: 'Regional Workshop on Medical Support to Peacekeepers',
      theme: null,
    });
  });

  it('reads labels and markdown title blocks', () => {
    expect(
      titleOf(
        '# Concept note\n\n## High-Level Seminar on Training\n\n**Theme:** “Training together”\n\n## Background',
      ),
    ).toEqual({
      title: 'High-Level Seminar on Training',
      theme: 'Training together',
    });
    expect(titleOf('Title: Expert Meeting on Intelligence\nTopic: Analysis')).toEqual({
      title: 'Expert Meeting on Intelligence',
      theme: 'Analysis',
    });
  });

  it('cuts the venue and the format off the title', () => {
    expect(titleOf('Seminar on Civilians, Accra, 15 April 2025', 'Accra').title).toBe('Seminar on Civilians');
    expect(titleOf('Virtual Dialogue on Climate Security (virtual)').title).toBe(
      'Virtual Dialogue on Climate Security',
    );
    expect(titleOf('Concept Note – Caribbean Dialogue on Maritime Operations').title).toBe(
      'Caribbean Dialogue on Maritime Operations',
    );
  });

  it('takes a quoted part of the title as the theme', () => {
    expect(titleOf('Preparatory Meeting on “Protection of Civilians”')).toEqual({
      title: 'Preparatory Meeting on “Protection of Civilians”',
      theme: 'Protection of Civilians',
    });
  });

  it('gives null when the text starts with running text', () => {
    expect(titleOf(`${'Peacekeeping matters a great deal. '.repeat(12)}\n\nSession 1: A`)).toEqual({
      title: null,
      theme: null,
    });
  });
});

describe('headerOf', () => {
  it('stops at the first section heading or session', () => {
    expect(headerOf(toLines('Title\n\nBackground\nText')).map((l) => l.text)).toEqual(['Title', '']);
    expect(headerOf(toLines('Title\nSession 1: A')).map((l) => l.text)).toEqual(['Title']);
  });
});
