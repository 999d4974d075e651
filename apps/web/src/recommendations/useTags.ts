import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { DocFields, readTags, type RecommendationTags } from '@plenary/schema';

/** One recommendation's tags, live: re-read whenever anyone changes any tag. */
export function useTags(doc: Y.Doc, recId: string): RecommendationTags {
  const [tags, setTags] = useState(() => readTags(doc, recId));
  useEffect(() => {
    const map = doc.getMap(DocFields.recommendations);
    const update = () => setTags(readTags(doc, recId));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc, recId]);
  return tags;
}
