import { describe, expect, it } from 'vitest';
import { cleanHostName, findCoHosts } from './coHosts.ts';

const inHeader = (header: string): string[] => findCoHosts(header, header);

describe('findCoHosts', () => {
  it('reads a flattened title-block line up to the dates', () => {
    expect(
      inHeader(
        'Preparatory Meeting Co-hosted by the Islamic Republic of Pakistan and the Republic of Korea (RoK) 15-16 April 2025 in Islamabad',
      ),
    ).toEqual(['Pakistan', 'Republic of Korea']);
  });

  it('reads "co-chaired by X, Y and Z" without splitting names that contain "and"', () => {
    expect(inHeader('Co-chaired by Bangladesh, Trinidad and Tobago and São Tomé and Príncipe')).toEqual([
      'Bangladesh',
      'Trinidad and Tobago',
      'São Tomé and Príncipe',
    ]);
  });

  it('reads "hosted by the Government of X" and leaves out the city after it', () => {
    expect(inHeader('A seminar hosted by the Government of Ghana, Accra, 15 April 2025')).toEqual(['Ghana']);
    expect(inHeader('co-hosted by Ghana and Uruguay, Accra, 3 March 2027')).toEqual(['Ghana', 'Uruguay']);
  });

  it('reads "Co-hosts:" labels, on one line or one name per line', () => {
    // A short name is kept as written, typographic apostrophe included.
    expect(inHeader('Co-hosts: Côte d’Ivoire, Türkiye')).toEqual(['Côte d’Ivoire', 'Türkiye']);
    expect(inHeader('Co-hosts:\n- Peru\n- the Kingdom of Morocco\n\nBackground')).toEqual([
      'Peru',
      'Morocco',
    ]);
    expect(inHeader('Co-hosts: Chile and Mongolia. Dates: 3 June 2026.')).toEqual(['Chile', 'Mongolia']);
  });

  it('reads a list wrapped onto the next line of the title block', () => {
    expect(
      inHeader('Co-hosted by\nthe Republic of Ghana and\nthe Oriental Republic of Uruguay\nAccra'),
    ).toEqual(['Ghana', 'Uruguay']);
  });

  it('reads "X and Y will co-host", dropping the phrase that opens the sentence', () => {
    const text = 'On 3 March, the Governments of Japan and Nepal will co-host a workshop.';
    expect(findCoHosts('', text)).toEqual(['Japan', 'Nepal']);
    expect(
      findCoHosts(
        '',
        'The Islamic Republic of Pakistan (Pakistan) and the Kingdom of the Netherlands (the Netherlands) co-hosted a conference.',
      ),
    ).toEqual(['Pakistan', 'Kingdom of the Netherlands']);
  });

  it('prefers the title block to the rest of the text', () => {
    const header = 'Dialogue co-hosted by Fiji and Samoa';
    expect(findCoHosts(header, `${header}\nThe 2023 meeting was co-hosted by Chile and Peru.`)).toEqual([
      'Fiji',
      'Samoa',
    ]);
  });

  it('keeps organizations and unknown States as written, and stops at the clause after the list', () => {
    expect(
      inHeader('co-hosted by the African Union and the Republic of Freedonia in cooperation with partners'),
    ).toEqual(['African Union', 'Republic of Freedonia']);
  });

  it('finds nothing where nobody is named', () => {
    expect(findCoHosts('Concept note', 'The meeting will be co-hosted by two Member States.')).toEqual([]);
  });
});

describe('cleanHostName', () => {
  it('drops "the", "Government of", abbreviations and missions to the UN', () => {
    expect(cleanHostName('the Government of the Republic of Sierra Leone')).toBe('Sierra Leone');
    expect(cleanHostName('the Permanent Mission of Ghana to the United Nations in New York')).toBe('Ghana');
    expect(cleanHostName('the Kingdom of Norway (KoN)')).toBe('Norway');
    expect(cleanHostName('Iran (Islamic Republic of)')).toBe('Islamic Republic of Iran');
  });

  it('refuses text that is not a name', () => {
    expect(cleanHostName('other partners')).toBeUndefined();
    expect(cleanHostName('  ')).toBeUndefined();
  });
});
