import { describe, expect, it } from 'vitest';
import { cityOf, findFormat, findVenue, placeAt } from './venue.ts';

function venueOf(header: string, body = '', dates: string | null = null): string | null {
  const text = `${header}\n${body}`;
  return findVenue({ lines: text.split('\n'), header, text, dates, format: findFormat(text) });
}

describe('findVenue', () => {
  it('reads the city next to the meeting dates, without its country', () => {
    expect(
      venueOf('Meeting Co-hosted by X and Y 15-16 April 2025 in Islamabad, Pakistan', '', '15-16 April 2025'),
    ).toBe('Islamabad');
    expect(venueOf('Kathmandu, 30-31 August 2023', '', '30-31 August 2023')).toBe('Kathmandu');
    expect(venueOf('Workshop in Dar es Salaam on 3 June 2026', '', '3 June 2026')).toBe('Dar es Salaam');
    expect(venueOf('3-4 March 2027 | Port of Spain', '', '3-4 March 2027')).toBe('Port of Spain');
  });

  it('does not take a title’s words for a place', () => {
    expect(venueOf('Meeting on Protection of Civilians, 3 June 2026', '', '3 June 2026')).toBeNull();
    expect(venueOf('Peacekeeping Seminar, 3 June 2026', '', '3 June 2026')).toBeNull();
  });

  it('prefers a "Venue:" label, reduced to its city', () => {
    expect(venueOf('Venue: Palais des Nations, Geneva')).toBe('Geneva');
    expect(venueOf('Venue: Accra International Conference Centre, Accra, Ghana')).toBe('Accra');
    expect(venueOf('Venue: Port of Spain')).toBe('Port of Spain');
    expect(venueOf('Dates: 3 June 2026. Venue: Santiago')).toBe('Santiago');
    expect(venueOf('Venue: online (Zoom)')).toBe('virtual');
  });

  it('reads "at the <building>, <city>" after the dates', () => {
    expect(venueOf('Seminar, 15 April 2025 at the Serena Hotel, Islamabad', '', '15 April 2025')).toBe(
      'Islamabad',
    );
  });

  it('reads "will take place in", but not in a sentence about another date', () => {
    const body =
      'The Ministerial (scheduled to be held in Berlin on 13-14 May 2025) follows. The meeting will take place in-person in Islamabad on 15-16 April 2025.';
    expect(venueOf('Title', body, '15-16 April 2025')).toBe('Islamabad');
  });

  it('says "virtual" for a meeting held online', () => {
    expect(venueOf('Dialogue (virtual)')).toBe('virtual');
    expect(venueOf('Title', 'The dialogue will be held virtually on 9 December 2026.')).toBe('virtual');
    expect(venueOf('Title', 'a virtual Preparatory Conference on 25 October')).toBe('virtual');
  });

  it('finds nothing when no place is named', () => {
    expect(venueOf('Title', 'Partnerships matter in peacekeeping.')).toBeNull();
  });
});

describe('findFormat', () => {
  it('tells in-person, virtual and hybrid meetings apart', () => {
    expect(findFormat('The meeting will take place in-person in Islamabad.')).toBe('in-person');
    expect(findFormat('The dialogue will be held virtually via Zoom.')).toBe('virtual');
    expect(findFormat('held in New York in a hybrid format')).toBe('hybrid');
    expect(findFormat('in person, with virtual participation for capitals')).toBe('hybrid');
  });

  it('does not read "hybrid threats" as a format', () => {
    expect(findFormat('Missions face hybrid threats and virtual reality training.')).toBeNull();
  });
});

describe('placeAt and cityOf', () => {
  it('reads capitalised words with particles, and one ", Country" part', () => {
    expect(placeAt("Abidjan, Côte d'Ivoire on 3 March")).toBe("Abidjan, Côte d'Ivoire");
    expect(placeAt('New York.')).toBe('New York');
    expect(placeAt('April 2025')).toBeUndefined();
    expect(placeAt('person')).toBeUndefined();
  });

  it('keeps the city: drops a trailing State and the buildings before the city', () => {
    expect(cityOf("Abidjan, Côte d'Ivoire")).toBe('Abidjan');
    expect(cityOf('Palais des Nations, Geneva')).toBe('Geneva');
    expect(cityOf('UN Headquarters, New York, United States of America')).toBe('New York');
    expect(cityOf('Geneva, Switzerland')).toBe('Geneva');
    expect(cityOf('Pakistan')).toBe('Pakistan');
  });
});
