import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';

/** A quotation with who said it: the words as text, the attribution as a field below them. */
export function AttributedQuoteView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const attribution = String(node.attrs.attribution ?? '');
  return (
    <NodeViewWrapper as="figure" className="attributed-quote">
      <NodeViewContent className="attributed-quote__text" />
      <figcaption className="attributed-quote__by" contentEditable={false}>
        <span aria-hidden="true">—</span>
        <input
          className="node-field"
          aria-label="Attribution: who said it"
          placeholder="Who said it, e.g. the Under-Secretary-General for Peace Operations"
          value={attribution}
          readOnly={!editor.isEditable}
          onChange={(event) => updateAttributes({ attribution: event.target.value })}
        />
      </figcaption>
    </NodeViewWrapper>
  );
}
