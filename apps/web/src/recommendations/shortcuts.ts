/**
 * The recommendation shortcuts, in ProseMirror notation (the toolbar's tooltips show them).
 * Mod-Shift-R is also the browser's hard reload: the editor always handles it (see
 * RecommendationsExtension), so it never reloads the page from inside the text.
 */
export const RECOMMENDATION_SHORTCUTS = {
  toggle: 'Mod-Shift-r',
  tags: 'Mod-Alt-r',
} as const;
