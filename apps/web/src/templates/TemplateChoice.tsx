import { useId } from 'react';
import type { TemplateOption } from './summaryApi.ts';

interface TemplateChoiceProps {
  readonly templates: readonly TemplateOption[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}

/** The document templates as radio cards, each with what it puts in place. */
export function TemplateChoice({ templates, value, onChange }: TemplateChoiceProps) {
  const name = useId();
  return (
    <fieldset className="field template-choice">
      <legend className="field__label">Template</legend>
      <div className="template-choice__options">
        {templates.map((template) => (
          <label
            key={template.id}
            className="template-card"
            data-checked={template.id === value || undefined}
          >
            <input
              type="radio"
              name={name}
              value={template.id}
              checked={template.id === value}
              onChange={() => onChange(template.id)}
            />
            <span className="template-card__label">{template.label}</span>
            <span className="template-card__description">{template.description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
