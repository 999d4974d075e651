import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerServiceWorker } from './offline/serviceWorker.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/documents.css';
import './styles/editor.css';
import './styles/collab.css';
import './styles/dialog.css';
import './styles/panels.css';
import './styles/structure.css';
import './styles/templates.css';
import './styles/export.css';
import './styles/outline.css';
import './styles/recommendations.css';
import './styles/workspacePages.css';
import './styles/account.css';
import './styles/access.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Only the production build: in development Vite serves unhashed modules that must not be cached.
if (import.meta.env.PROD) registerServiceWorker();
