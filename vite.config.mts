import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer is one static bundle served by the Node host or loaded by Electron from its own
// app:// origin; relative asset paths work for both. Two pages share one bundle graph: the station
// (index.html) and the consultant web app (consultant.html), opened from an invite link.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'src/renderer/index.html'),
        consultant: resolve(import.meta.dirname, 'src/renderer/consultant.html'),
      },
    },
  },
});
