import * as Y from 'yjs';

/**
 * Document contents for the scenarios, shaped like a chair's summary in Plenary's schema: an
 * XML fragment `body` of paragraphs. Deterministic, so every system gets the same bytes.
 */

const SENTENCES = [
  'The Chair welcomed the delegations and recalled the mandate of the preparatory meeting.',
  'Participants underlined the importance of predictable financing for peacekeeping operations.',
  'Several delegations called for strengthened protection of civilians in mission mandates.',
  'The co-hosts noted broad support for enhanced training and capacity-building partnerships.',
  'Delegations stressed the safety and security of peacekeepers as a shared responsibility.',
  'It was proposed that pledges be aligned with the priorities identified by the Secretariat.',
];

function paragraph(index: number): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const text = `${index + 1}. ${SENTENCES[index % SENTENCES.length]} ${SENTENCES[(index * 7 + 3) % SENTENCES.length]}`;
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** A document of `paragraphs` paragraphs, encoded as one update. */
export function summaryUpdate(paragraphs: number): Uint8Array {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  // Inserted in chunks, as typing and pasting would: one huge transaction is not typical.
  const chunk = 200;
  for (let start = 0; start < paragraphs; start += chunk) {
    doc.transact(() => {
      const items = [];
      for (let i = start; i < Math.min(paragraphs, start + chunk); i++) items.push(paragraph(i));
      body.insert(body.length, items);
    });
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A long summary: a heading every 20 paragraphs, paragraphs of about 45 words (three
 * sentences).
 */
export function longSummaryUpdate(paragraphs: number): Uint8Array {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  doc.transact(() => {
    const items: Y.XmlElement[] = [];
    for (let i = 0; i < paragraphs; i++) {
      if (i % 20 === 0) {
        // Tiptap stores the level as a number; Yjs' typings default attributes to strings.
        const heading = new Y.XmlElement<{ level: number }>('heading');
        heading.setAttribute('level', 2);
        heading.insert(0, [
          new Y.XmlText(`Session ${i / 20 + 1}: ${SENTENCES[i % SENTENCES.length]!.slice(0, 40)}`),
        ]);
        items.push(heading as unknown as Y.XmlElement);
      }
      const p = new Y.XmlElement('paragraph');
      const text = [0, 2, 4].map((k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
      p.insert(0, [new Y.XmlText(text)]);
      items.push(p);
    }
    body.insert(0, items);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A document whose encoded state is at least `bytes` long (within one chunk of paragraphs). */
export function summaryUpdateOfSize(bytes: number): Uint8Array {
  const sample = summaryUpdate(1000);
  const perParagraph = sample.byteLength / 1000;
  let paragraphs = Math.ceil(bytes / perParagraph);
  for (;;) {
    const update = summaryUpdate(paragraphs);
    if (update.byteLength >= bytes) return update;
    paragraphs = Math.ceil(paragraphs * (bytes / update.byteLength) * 1.01);
  }
}

/**
 * Whether the document that `received` builds contains every edit of `expected` (servers may
 * hold more: Plenary fills a new document from a template). Compares state vectors.
 */
export function containsAll(received: readonly Uint8Array[], expected: Uint8Array): boolean {
  const doc = new Y.Doc();
  for (const update of received) Y.applyUpdate(doc, update);
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  doc.destroy();
  const need = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(expected));
  for (const [client, clock] of need) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
}
