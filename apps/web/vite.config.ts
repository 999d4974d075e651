import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://localhost:8080';

/**
 * Build and dev server of the web app. Root `npm run build:web` runs this from the repository
 * root, so every path is anchored to this file rather than to the working directory.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    // Two copies of yjs in one page silently break sync (constructor checks fail), and two
    // copies of the Tiptap core or ProseMirror break schema identity. Always take the one copy
    // the web app resolves.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/core', '@tiptap/pm'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The editor is one screen: Tiptap, ProseMirror and Yjs belong together in one chunk.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiServer, changeOrigin: true },
      '/collab': { target: apiServer, changeOrigin: true, ws: true },
    },
  },
  preview: { port: 4173 },
});
