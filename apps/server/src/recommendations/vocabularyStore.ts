import { defaultVocabulary, validateVocabularyEdit, type Vocabulary } from '@plenary/vocabulary';
import type { Storage } from '../storage/Storage.ts';

const KEY = 'vocabulary';

/** The workspace's tag vocabulary: the default lists until an admin edits them. */
export class VocabularyStore {
  constructor(private readonly storage: Storage) {}

  async get(): Promise<Vocabulary> {
    return ((await this.storage.getSetting(KEY)) as Vocabulary | null) ?? defaultVocabulary();
  }

  /** Validates (no removals, ids unchanged) and saves; throws VocabularyError. */
  async put(next: unknown): Promise<Vocabulary> {
    const saved = validateVocabularyEdit(await this.get(), next);
    await this.storage.putSetting(KEY, saved);
    return saved;
  }
}
