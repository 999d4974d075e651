import { Icon } from '../editor/icons.tsx';

/** A numbered paragraph with a marker in its margin: "this is a recommendation". */
export const RecommendationIcon = () => (
  <Icon>
    <rect x="3" y="5" width="6" height="6" rx="1.5" />
    <path d="M12 6h9M12 10h9M3 15h18M3 19h12" />
  </Icon>
);

export const TagIcon = () => (
  <Icon>
    <path d="M3 12.2V4.5A1.5 1.5 0 0 1 4.5 3h7.7a1.5 1.5 0 0 1 1 .4l7.4 7.4a1.5 1.5 0 0 1 0 2.1l-7.7 7.7a1.5 1.5 0 0 1-2.1 0l-7.4-7.4a1.5 1.5 0 0 1-.4-1z" />
    <circle cx="8" cy="8" r="1.4" fill="currentColor" stroke="none" />
  </Icon>
);
