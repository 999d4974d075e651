import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** One panel of the editor's side column. */
export interface SidePanelDefinition {
  /** Stable id, used to open the panel from elsewhere (`openPanel({ panelId })`). */
  readonly id: string;
  /** The tab's label. */
  readonly title: string;
  /** Shown above the tabs, always (who is here), rather than as a tab. */
  readonly pinned?: boolean;
  /** A small count beside the tab's label. */
  readonly badge?: number;
  readonly content: ReactNode;
}

interface SidePanelProps {
  readonly panels: readonly SidePanelDefinition[];
  /** Id of the selected tab; the first tab when it names none. */
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  readonly className?: string;
}

/**
 * The column beside the page: pinned panels on top, the others as tabs (the WAI-ARIA tabs
 * pattern: one Tab stop, arrow keys between tabs, selection follows focus). Every panel stays
 * mounted while hidden, so a half-edited session or a scroll position survives a look at
 * another tab. Features add a panel by appending to the list EditorPage passes in.
 */
export function SidePanel({ panels, selected, onSelect, className }: SidePanelProps) {
  const baseId = useId();
  const tabsRef = useRef<HTMLDivElement>(null);
  const pinned = panels.filter((panel) => panel.pinned);
  const tabs = panels.filter((panel) => !panel.pinned);
  const current = tabs.find((panel) => panel.id === selected) ?? tabs[0];
  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((panel) => panel.id === current?.id);
    const next =
      event.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    tabsRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next.id))}`)?.focus();
  };

  return (
    <aside className={`side-panel${className ? ` ${className}` : ''}`} aria-label="Document panels">
      {pinned.map((panel) => (
        <div key={panel.id} className="side-panel__pinned">
          {panel.content}
        </div>
      ))}
      {tabs.length > 0 && (
        <div className="side-panel__tabbed">
          <div
            ref={tabsRef}
            className="side-panel__tabs"
            role="tablist"
            aria-label="Panels"
            onKeyDown={onKeyDown}
          >
            {tabs.map((panel) => {
              const isSelected = panel === current;
              return (
                <button
                  key={panel.id}
                  id={tabId(panel.id)}
                  type="button"
                  role="tab"
                  className="side-panel__tab"
                  aria-selected={isSelected}
                  aria-controls={panelId(panel.id)}
                  tabIndex={isSelected ? 0 : -1}
                  onClick={() => onSelect(panel.id)}
                >
                  {panel.title}
                  {panel.badge !== undefined && panel.badge > 0 && (
                    <span className="side-panel__badge" aria-label={`(${panel.badge})`}>
                      {panel.badge}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
          {tabs.map((panel) => (
            <div
              key={panel.id}
              id={panelId(panel.id)}
              className="side-panel__body"
              role="tabpanel"
              aria-labelledby={tabId(panel.id)}
              hidden={panel !== current}
            >
              {panel.content}
            </div>
          ))}
        </div>
      )}
    </aside>
  );
}
