export { VOCABULARY_LISTS, VocabularyError, defaultVocabulary, findTerm, validateVocabularyEdit } from './vocabulary.ts';
export type { Term, Vocabulary, VocabularyList } from './vocabulary.ts';
