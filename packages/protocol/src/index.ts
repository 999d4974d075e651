export { CloseCode, FATAL_CLOSE_CODES, closeCodeName } from './closeCodes.ts';
export type { CloseCodeName, CloseCodeValue } from './closeCodes.ts';
export { DOCUMENT_ID_PATTERN, isDocumentId, COLLAB_PATH } from './documentId.ts';
export { MessageType, DEFAULT_MAX_MESSAGE_BYTES } from './messages.ts';
export { ACTIONS, ROLES, ROLE_PERMISSIONS, STRUCTURE_FIELDS, can, isRole } from './access.ts';
export type { Action, DocumentState, Role } from './access.ts';
